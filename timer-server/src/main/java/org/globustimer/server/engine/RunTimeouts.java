package org.globustimer.server.engine;

import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerRow;

/**
 * Gives up a run past its deadline: asks the provider to cancel the action (not every provider can,
 * and the run ends either way) and records it as failed with the reason, so the next tick may run.
 */
final class RunTimeouts {

  private final EngineContext context;

  RunTimeouts(EngineContext context) {
    this.context = context;
  }

  RunRow timedOut(TimerRow timer, RunRow run, RunDeadline deadline) {
    Answer cancel =
        Answer.of(
            () ->
                context
                    .router()
                    .providerFor(timer.definition().callbackUrl())
                    .cancel(timer.owner(), run.actionId()));
    String cancelled =
        switch (cancel) {
          case Answer.Reported reported -> "cancelled at the provider";
          case Answer.Transient failed ->
              "the provider could not be asked to cancel it: " + failed.reason();
          case Answer.Refused refused -> "the provider did not cancel it: " + refused.reason();
        };
    String reason = "timed out: still " + run.state() + " at " + deadline.why() + "; " + cancelled;
    String data =
        cancel instanceof Answer.Reported reported && reported.body() != null
            ? RunJson.text(reported.body())
            : run.data();
    int status =
        cancel instanceof Answer.Reported reported ? reported.httpStatus() : lastStatus(run);
    return run.polled(
        RunState.FAILED, status, data, RunJson.errors(reason), context.clock().instant(), null);
  }

  /** The last HTTP status the provider gave for the run, 0 when it never answered. */
  private static int lastStatus(RunRow run) {
    return run.httpStatusPolled() != null
        ? run.httpStatusPolled()
        : run.httpStatusSubmission() != null ? run.httpStatusSubmission() : 0;
  }
}
