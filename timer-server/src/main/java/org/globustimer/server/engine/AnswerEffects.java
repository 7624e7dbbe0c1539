package org.globustimer.server.engine;

import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.server.store.Tx;

/**
 * What a recorded answer sets off: the notifications it calls for, queued in the transaction that
 * records it (a finished run, a timer the service paused), and the engine's events once that
 * transaction is written.
 */
final class AnswerEffects {

  private final EngineContext context;

  AnswerEffects(EngineContext context) {
    this.context = context;
  }

  void queueNotifications(Tx tx, TimerRow timer, RunRow recorded, TimerState next) {
    if (recorded.state().isFinal()) {
      context.outbox().runFinished(tx, timer, recorded);
    }
    if (pausedNow(timer, next)) {
      context.outbox().pausedByService(tx, timer, next.inactiveCause(), next.inactiveDetail());
    }
  }

  void report(TimerRow timer, RunRow recorded, TimerState next) {
    EngineEvents events = context.events();
    events.submitted(timer, recorded);
    if (recorded.state().isFinal()) {
      events.runFinished(timer, recorded);
    }
    if (pausedNow(timer, next)) {
      events.pausedByService(timer, next.inactiveCause(), next.inactiveDetail());
    }
  }

  /** The service paused the timer itself (a timer that ran its last tick ends, not pauses). */
  private static boolean pausedNow(TimerRow timer, TimerState next) {
    return timer.state().status().isScheduled() && next.status() == TimerStatus.INACTIVE;
  }
}
