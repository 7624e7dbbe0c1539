package org.globustimer.server.engine;

import java.time.Duration;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;

/**
 * What the engine tells the rest of the service as it works, each after the change is written: for
 * metrics and notifications. Listeners must be quick and must not throw; the engine calls them on
 * its own threads.
 */
public interface EngineEvents {

  EngineEvents NONE = new EngineEvents() {};

  /** Tells both, {@code first} first. */
  static EngineEvents both(EngineEvents first, EngineEvents second) {
    return new EngineEvents() {
      @Override
      public void claimed(int timers, int runChecks) {
        first.claimed(timers, runChecks);
        second.claimed(timers, runChecks);
      }

      @Override
      public void leaseRenewed() {
        first.leaseRenewed();
        second.leaseRenewed();
      }

      @Override
      public void fired(TimerRow timer, Duration lag) {
        first.fired(timer, lag);
        second.fired(timer, lag);
      }

      @Override
      public void skipped(TimerRow timer) {
        first.skipped(timer);
        second.skipped(timer);
      }

      @Override
      public void submitted(TimerRow timer, RunRow run) {
        first.submitted(timer, run);
        second.submitted(timer, run);
      }

      @Override
      public void runFinished(TimerRow timer, RunRow run) {
        first.runFinished(timer, run);
        second.runFinished(timer, run);
      }

      @Override
      public void pausedByService(TimerRow timer, String cause, String detail) {
        first.pausedByService(timer, cause, detail);
        second.pausedByService(timer, cause, detail);
      }
    };
  }

  /** This node claimed timers due within its horizon, and runs whose actions it will check. */
  default void claimed(int timers, int runChecks) {}

  /** This node kept a claim it holds for longer (a lease renewal). */
  default void leaseRenewed() {}

  /** A tick fired {@code lag} after its scheduled instant. */
  default void fired(TimerRow timer, Duration lag) {}

  /** A tick came while the previous run was still in progress, and was skipped. */
  default void skipped(TimerRow timer) {}

  /** A submission was answered and recorded: accepted, final, or to be retried. */
  default void submitted(TimerRow timer, RunRow run) {}

  /** A run reached its final state (succeeded or failed), at submission or when checked. */
  default void runFinished(TimerRow timer, RunRow run) {}

  /** The service paused the timer itself (e.g. its owner's credentials no longer work). */
  default void pausedByService(TimerRow timer, String cause, String detail) {}
}
