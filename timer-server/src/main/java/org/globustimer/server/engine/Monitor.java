package org.globustimer.server.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.globustimer.core.timer.Commands;
import org.globustimer.core.timer.Overlaps;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.server.store.Tx;

/**
 * Polls the action of a run that is still in progress at its provider, refreshing the run's result
 * in place, until the action is final; then the timer's next tick may run again.
 */
final class Monitor {

  private final EngineContext context;
  private final RunTimeouts timeouts;

  Monitor(EngineContext context) {
    this.context = context;
    this.timeouts = new RunTimeouts(context);
  }

  void check(RunRow run) {
    TimerRow timer = context.store().read(tx -> tx.findTimer(run.timerId())).orElse(null);
    if (timer == null || run.actionId() == null) {
      return;
    }
    RunDeadline deadline = RunDeadline.of(timer, run, context.runTimeout());
    if (deadline != null && !context.clock().instant().isBefore(deadline.at())) {
      save(timer, timeouts.timedOut(timer, run, deadline), null);
      return;
    }
    Answer answer =
        Answer.of(
            () ->
                context
                    .router()
                    .providerFor(timer.definition().callbackUrl())
                    .status(timer.owner(), run.actionId()));
    Instant now = context.clock().instant();
    Duration delay = nextDelay(timer, run.polls());
    if (deadline != null && now.plus(delay).isAfter(deadline.at())) {
      // Look again right at the deadline, not up to a whole backoff after it.
      delay = Duration.between(now, deadline.at());
    }
    RunRow polled =
        switch (answer) {
          case Answer.Reported reported ->
              run.polled(
                  reported.state(),
                  reported.httpStatus(),
                  RunJson.text(reported.body()),
                  null,
                  now,
                  reported.state().isFinal() ? null : now.plus(delay));
          case Answer.Transient failed ->
              run.polled(
                  run.state(),
                  failed.httpStatus() == null ? 0 : failed.httpStatus(),
                  run.data(),
                  RunJson.errors(failed.reason()),
                  now,
                  now.plus(delay));
          case Answer.Refused refused when refused.credentials() ->
              // The action may well be running; only our view of it is lost. Keep the run open
              // and keep looking, while the timer waits for its owner to renew the credential.
              run.polled(
                  run.state(),
                  refused.httpStatus(),
                  run.data(),
                  RunJson.errors("checking the action's status failed: " + refused.reason()),
                  now,
                  now.plus(delay));
          case Answer.Refused refused ->
              run.polled(
                  RunState.FAILED,
                  refused.httpStatus(),
                  RunJson.text(refused.body()),
                  RunJson.errors("checking the action's status failed: " + refused.reason()),
                  now,
                  null);
        };
    String credentialsRefused =
        answer instanceof Answer.Refused refused && refused.credentials() ? refused.reason() : null;
    save(timer, polled, credentialsRefused);
  }

  private void save(TimerRow timer, RunRow polled, String credentialsRefused) {
    for (int attempt = 0; attempt < 8; attempt++) {
      boolean[] paused = {false};
      if (context.writer().run(tx -> record(tx, polled, credentialsRefused, paused))) {
        if (polled.state().isFinal()) {
          context.events().runFinished(timer, polled);
        }
        if (paused[0]) {
          context.events().pausedByService(timer, "globus_auth_requirements", credentialsRefused);
        }
        return;
      }
    }
  }

  private boolean record(Tx tx, RunRow polled, String credentialsRefused, boolean[] paused) {
    tx.updateRun(polled);
    if (!polled.state().isFinal() && credentialsRefused == null) {
      return true;
    }
    Optional<TimerRow> timer = tx.findTimer(polled.timerId());
    if (timer.isEmpty()) {
      return true;
    }
    TimerState s = timer.get().state();
    if (credentialsRefused != null) {
      if (!s.status().isScheduled()) {
        return true;
      }
      paused[0] =
          tx.updateState(
              polled.timerId(),
              s.version(),
              Commands.paused(s, "globus_auth_requirements", credentialsRefused));
      if (paused[0]) {
        context
            .outbox()
            .pausedByService(tx, timer.get(), "globus_auth_requirements", credentialsRefused);
      }
      return paused[0];
    }
    TimerState next =
        Overlaps.actionFinished(
            timer.get().definition(),
            s,
            polled.slot(),
            polled.state() == RunState.FAILED,
            context.clock().instant());
    boolean updated = tx.updateState(polled.timerId(), s.version(), next);
    if (updated) {
      context.outbox().runFinished(tx, timer.get(), polled);
    }
    return updated;
  }

  private Duration nextDelay(TimerRow timer, int polls) {
    Duration cap = context.checkCap(timer);
    Duration delay = Duration.ofMillis(500L << Math.min(polls, 16));
    return delay.compareTo(cap) > 0 ? cap : delay;
  }
}
