package org.globustimer.server.engine;

import java.time.Instant;
import org.globustimer.core.timer.Commands;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.Schedules;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;

/** What a provider's answer to a submission makes of the run and of the timer's state. */
final class Settle {

  private Settle() {}

  static RunRow recorded(
      EngineContext context,
      TimerRow timer,
      RunRow run,
      Answer answer,
      Instant now,
      Instant retryAt) {
    return switch (answer) {
      case Answer.Reported reported -> {
        boolean running = reported.state().inProgressAtProvider();
        yield run.submitted(
            reported.state(),
            reported.httpStatus(),
            RunJson.textOrNull(reported.body(), "action_id"),
            RunJson.text(reported.body()),
            null,
            now,
            running ? now.plus(context.firstCheckDelay(timer)) : null);
      }
      case Answer.Transient failed -> {
        boolean giveUp = run.retryUntil() == null || retryAt.isAfter(run.retryUntil());
        yield run.submitted(
            giveUp ? RunState.FAILED : RunState.RETRYING,
            failed.httpStatus() == null ? 0 : failed.httpStatus(),
            null,
            RunJson.text(failed.body()),
            RunJson.errors(failed.reason() + (giveUp ? "; gave up retrying" : "")),
            now,
            null);
      }
      case Answer.Refused refused ->
          run.submitted(
              RunState.FAILED,
              refused.httpStatus(),
              null,
              RunJson.text(refused.body()),
              RunJson.errors(refused.reason()),
              now,
              null);
    };
  }

  static TimerState afterAnswer(
      TimerState s, RunRow run, RunRow recorded, Answer answer, Instant retryAt) {
    return switch (answer) {
      case Answer.Reported reported ->
          Schedules.submissionSettled(
              s,
              run.slot(),
              reported.state().inProgressAtProvider(),
              reported.state() == RunState.FAILED);
      case Answer.Transient failed ->
          recorded.state() == RunState.FAILED
              ? Schedules.submissionSettled(s, run.slot(), false, true)
              : Schedules.retryAt(s, retryAt);
      case Answer.Refused refused -> {
        TimerState settled = Schedules.submissionSettled(s, run.slot(), false, true);
        yield refused.credentials() && settled.status().isScheduled()
            ? Commands.paused(settled, "globus_auth_requirements", refused.reason())
            : settled;
      }
    };
  }
}
