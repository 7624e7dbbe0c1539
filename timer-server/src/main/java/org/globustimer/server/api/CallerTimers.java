package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.UUID;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.store.TimerStore;

/**
 * The caller's own timers as the Timers API reads them: found by the request's {@code job_id} (a
 * 404 when the caller has no such timer) and written out as a job document with a page of runs.
 */
final class CallerTimers {

  static final int DEFAULT_RESULTS = 10;
  static final int MAX_PAGE = 1_000;

  private final TimerStore store;
  private final Clock clock;

  CallerTimers(TimerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  TimerRow find(Context ctx) {
    UUID id = QueryParams.jobId(ctx);
    return store.read(tx -> tx.findTimer(Auth.owner(ctx), id)).orElseThrow(() -> unknown(id));
  }

  /** The job document with up to {@code resultCount} runs, those before {@code beforeSlot}. */
  ObjectNode document(TimerRow timer, int resultCount, Long beforeSlot) {
    return store.read(tx -> JobPages.document(tx, timer, resultCount, beforeSlot, clock.instant()));
  }

  static ServiceException unknown(UUID id) {
    return ServiceException.notFound("no timer with job_id " + id);
  }
}
