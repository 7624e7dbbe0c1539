package org.globustimer.server.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.server.store.NotificationRow;
import org.globustimer.server.store.TimerStore;

/** {@code GET /jobs/{job_id}/notifications}: what was sent about one of the caller's timers. */
public final class NotificationRoutes {

  private static final int SHOWN = 50;

  private final TimerStore store;

  public NotificationRoutes(TimerStore store) {
    this.store = store;
  }

  public void mount(Javalin app, Function<Context, String> owner) {
    app.get("/jobs/{job_id}/notifications", ctx -> list(ctx, owner.apply(ctx)));
  }

  private void list(Context ctx, String owner) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("job_id"));
    } catch (IllegalArgumentException e) {
      throw ServiceException.invalid(
          List.of("path", "job_id"),
          "'" + ctx.pathParam("job_id") + "' is not a job id; job ids are UUIDs");
    }
    List<NotificationRow> rows =
        store.read(
            tx -> {
              if (tx.findTimer(owner, id).isEmpty()) {
                throw ServiceException.notFound("no timer with job_id " + id);
              }
              return tx.notifications().ofTimer(id, SHOWN);
            });
    ObjectNode body = Json.mapper().createObjectNode();
    var list = body.putArray("notifications");
    for (NotificationRow n : rows) {
      ObjectNode item = list.addObject();
      item.put("notification_id", n.id().toString());
      item.put("event", n.event());
      String channel = Channel.of(n.target());
      item.put("channel", channel);
      item.put(
          "target",
          channel.equals("email")
              ? n.target().substring(Notifications.MAILTO.length())
              : n.target());
      item.put("state", n.state());
      item.put("attempts", n.attempts());
      item.put("last_error", n.lastError());
      item.put("created_at", Times.format(n.createdAt()));
      item.put("delivered_at", Times.format(n.deliveredAt()));
      item.put(
          "next_attempt_at",
          NotificationRow.PENDING.equals(n.state()) ? Times.format(n.nextAttemptAt()) : null);
    }
    ctx.contentType("application/json").result(body.toString());
  }
}
