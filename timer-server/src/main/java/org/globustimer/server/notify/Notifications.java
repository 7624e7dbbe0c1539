package org.globustimer.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerType;
import org.globustimer.server.engine.EngineEvents;
import org.globustimer.server.store.NotificationRow;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the engine's events into notifications in the store's outbox: a failed run, a timer the
 * service paused, the first success after a failure, and (if asked for) every success. Only the
 * node that wrote the run's final state sees its event, and the outbox keeps one row per event and
 * target, so a notification is queued once. Queuing happens off the engine's threads: a slow
 * database never holds up firing.
 */
public final class Notifications implements EngineEvents, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotifySettings settings;
  private final TimerStore store;
  private final Clock clock;
  private final String dashboardUrl;
  private final ExecutorService queue = Executors.newVirtualThreadPerTaskExecutor();
  private volatile WebhookDelivery delivery;

  public Notifications(NotifySettings settings, TimerStore store, Clock clock, String baseUrl) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.dashboardUrl = baseUrl + "/dashboard/#/timers/";
  }

  @Override
  public void runFinished(TimerRow timer, RunRow run) {
    if (!settings.enabled()) {
      return;
    }
    queue.execute(
        () -> {
          if (run.state() == RunState.FAILED) {
            enqueue(timer, run, "failed", reason(run));
            return;
          }
          if (previousFailed(timer, run)) {
            enqueue(timer, run, "recovered", "succeeded after a failed run");
          }
          enqueue(timer, run, "succeeded", null);
        });
  }

  @Override
  public void pausedByService(TimerRow timer, String cause, String detail) {
    if (!settings.enabled()) {
      return;
    }
    // The version of the state the service changed names this pause alike on every node.
    long slot = timer.state().version();
    RunRow last =
        new RunRow(
            timer.id(),
            slot,
            null,
            null,
            RunState.FAILED,
            timer.state().lastRanAt(),
            null,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    queue.execute(() -> enqueue(timer, last, "inactive", cause + ": " + detail));
  }

  private boolean previousFailed(TimerRow timer, RunRow run) {
    try {
      List<RunRow> earlier = store.inTransaction(tx -> tx.runs(timer.id(), run.slot(), 1));
      return !earlier.isEmpty() && earlier.getFirst().state() == RunState.FAILED;
    } catch (StoreException e) {
      return false;
    }
  }

  private void enqueue(TimerRow timer, RunRow run, String event, String reason) {
    if (!settings.events().contains(event) || !wantedByBody(timer, event)) {
      return;
    }
    String target = settings.webhookUrl();
    if (!settings.allows(target)) {
      log.warn("notifications may not go to {}; check notify_allowed_urls", target);
      return;
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    NotificationRow row =
        new NotificationRow(
            id,
            timer.id(),
            timer.owner(),
            event,
            run.slot(),
            target,
            payload(id, timer, run, event, reason, now),
            NotificationRow.PENDING,
            0,
            now,
            null,
            now,
            null);
    try {
      store.inTransaction(tx -> tx.notifications().enqueue(row));
    } catch (StoreException e) {
      // Another node queued the same event a moment earlier (the unique key), or the database
      // is away; the log says which.
      log.warn(
          "could not queue the {} notification of timer {}: {}", event, timer.id(), e.getMessage());
    }
  }

  /** A transfer body's notify_on_* flags (true unless set false) decide for transfer timers. */
  private static boolean wantedByBody(TimerRow timer, String event) {
    if (timer.definition().type() != TimerType.TRANSFER || event.equals("recovered")) {
      return true;
    }
    JsonNode body = parse(timer.definition().body());
    JsonNode flag = body.path("notify_on_" + event);
    return !(flag.isBoolean() && !flag.asBoolean());
  }

  private String payload(
      UUID id, TimerRow timer, RunRow run, String event, String reason, Instant now) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("notification_id", id.toString());
    doc.put("event", event);
    doc.put("sent_at", Times.format(now));
    ObjectNode t = doc.putObject("timer");
    t.put("job_id", timer.id().toString());
    t.put("name", timer.definition().name());
    t.put("timer_type", timer.definition().type().wire());
    t.put("owner", timer.owner());
    t.put("dashboard_url", dashboardUrl + timer.id());
    ObjectNode r = doc.putObject("run");
    r.put("tick_at", Times.format(run.tickAt()));
    r.put("ran_at", Times.format(run.ranAt()));
    r.put("end_timestamp", Times.format(run.endAt()));
    r.put("run_status", run.state().name());
    Integer http =
        run.httpStatusPolled() != null ? run.httpStatusPolled() : run.httpStatusSubmission();
    if (http == null) {
      r.putNull("http_status");
    } else {
      r.put("http_status", http);
    }
    r.set("errors", parse(run.errors()));
    doc.put("reason", reason);
    return doc.toString();
  }

  private static String reason(RunRow run) {
    JsonNode errors = parse(run.errors());
    if (errors.isArray() && !errors.isEmpty()) {
      return errors.get(0).isTextual() ? errors.get(0).asText() : errors.get(0).toString();
    }
    JsonNode description = parse(run.data()).path("details").path("description");
    return description.isTextual() ? description.asText() : "the action failed";
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return Json.mapper().nullNode();
    }
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      return Json.mapper().getNodeFactory().textNode(json);
    }
  }

  /** The delivery worker, stopped with this. */
  public void attach(WebhookDelivery worker) {
    this.delivery = worker;
  }

  @Override
  public void close() {
    WebhookDelivery worker = delivery;
    if (worker != null) {
      worker.close();
    }
    queue.close();
  }
}
