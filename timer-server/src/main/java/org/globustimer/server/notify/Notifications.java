package org.globustimer.server.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.engine.Outbox;
import org.globustimer.server.store.NotificationRow;
import org.globustimer.server.store.Tx;

/**
 * Turns the engine's events into notifications in the store's outbox, in the transaction that
 * records the event: a failed run, a timer the service paused, the first success after a failure,
 * and (if asked for) every success. The outbox keeps one row per event and target, so whichever
 * node records the event queues it once, and a crash cannot record the event without its
 * notifications. Delivery happens later, on other threads ({@link Delivery}).
 */
public final class Notifications implements Outbox {

  /** How e-mail targets are written in the outbox. */
  public static final String MAILTO = "mailto:";

  private final NotifyTargets targets;
  private final Clock clock;
  private final String dashboardUrl;

  public Notifications(NotifySettings settings, Clock clock, String baseUrl) {
    this.targets = new NotifyTargets(settings);
    this.clock = clock;
    this.dashboardUrl = baseUrl + "/dashboard/#/timers/";
  }

  @Override
  public void runFinished(Tx tx, TimerRow timer, RunRow run) {
    if (targets.of(timer).isEmpty()) {
      // Nothing to tell anyone: no read of earlier runs, nothing written.
      return;
    }
    if (run.state() == RunState.FAILED) {
      enqueue(tx, timer, run, "failed", Payloads.reason(run));
      return;
    }
    if (targets.wants(timer, "recovered") && previousFailed(tx, timer, run)) {
      enqueue(tx, timer, run, "recovered", "succeeded after a failed run");
    }
    enqueue(tx, timer, run, "succeeded", null);
  }

  @Override
  public void pausedByService(Tx tx, TimerRow timer, String cause, String detail) {
    RunRow last =
        new RunRow(
            timer.id(),
            timer.state().version(),
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
    enqueue(tx, timer, last, "inactive", cause + ": " + detail);
  }

  private static boolean previousFailed(Tx tx, TimerRow timer, RunRow run) {
    List<RunRow> earlier = tx.runs(timer.id(), run.slot(), 1);
    return !earlier.isEmpty() && earlier.getFirst().state() == RunState.FAILED;
  }

  private void enqueue(Tx tx, TimerRow timer, RunRow run, String event, String reason) {
    if (!targets.wants(timer, event)) {
      return;
    }
    Instant now = clock.instant();
    for (String target : targets.of(timer)) {
      UUID id = UUID.randomUUID();
      tx.notifications()
          .enqueue(
              new NotificationRow(
                  id,
                  timer.id(),
                  timer.owner(),
                  event,
                  run.slot(),
                  target,
                  Payloads.of(id, timer, run, event, reason, now, dashboardUrl),
                  NotificationRow.PENDING,
                  0,
                  now,
                  null,
                  now,
                  null));
    }
  }
}
