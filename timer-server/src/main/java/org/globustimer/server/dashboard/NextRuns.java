package org.globustimer.server.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.Schedules;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.store.TimerStore;

/** The next ticks of one of the caller's timers, from the same schedule rules the engine uses. */
final class NextRuns {

  static final String PATH = "/dashboard/api/timers/{job_id}/next-runs";
  private static final int COUNT = 5;

  private final TimerStore store;
  private final Function<Context, String> owner;

  NextRuns(TimerStore store, Function<Context, String> owner) {
    this.store = store;
    this.owner = owner;
  }

  void answer(Context ctx) {
    String text = ctx.pathParam("job_id");
    UUID id;
    try {
      id = UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ServiceException.notFound("'" + text + "' is not a job id");
    }
    String caller = owner.apply(ctx);
    TimerRow timer =
        store
            .read(tx -> tx.findTimer(caller, id))
            .orElseThrow(() -> ServiceException.notFound("no timer with job_id " + id));
    ObjectNode body = Json.mapper().createObjectNode();
    var runs = body.putArray("next_runs");
    for (Instant tick : Schedules.upcoming(timer.definition(), timer.state(), COUNT)) {
      runs.add(Times.format(tick));
    }
    ctx.contentType("application/json").result(body.toString());
  }
}
