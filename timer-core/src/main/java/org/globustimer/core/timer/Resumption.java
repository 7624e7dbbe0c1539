package org.globustimer.core.timer;

import java.time.Instant;

/** Where a resumed timer goes next: which missed tick, if any, still runs. */
final class Resumption {

  private Resumption() {}

  /**
   * Active again, pointed at the tick missed while paused (with catch-up {@code all} the oldest in
   * the window), or at the next one when the policy drops missed ticks.
   */
  static TimerState resumed(TimerDefinition def, TimerState s, boolean waitForNext, Instant now) {
    TimerState.Builder b = s.toBuilder();
    b.status = TimerStatus.LOADED;
    b.inactiveCause = null;
    b.inactiveDetail = null;
    TimerState active = b.released().build();
    boolean dropMissed = waitForNext || def.timing().catchUp() == CatchUpPolicy.NONE;
    Instant tick =
        dropMissed
            ? Ticks.nextTick(def, s.runs(), now)
            : Ticks.dueTick(def, s.runs(), s.lastRanAt(), now);
    if (!dropMissed && def.timing().catchUp() == CatchUpPolicy.ALL && s.lastRanAt() != null) {
      Instant oldestMissed = oldestMissedInWindow(def, s.lastRanAt(), now);
      if (oldestMissed != null) {
        tick = oldestMissed;
      }
    }
    if (active.pendingSlot() != null) {
      active = Schedules.retryAt(active, now);
    }
    return Schedules.scheduledAt(def, active, tick);
  }

  /** Under catch-up {@code all}: the oldest tick missed since the last run, within the window. */
  private static Instant oldestMissedInWindow(TimerDefinition def, Instant lastRun, Instant now) {
    Instant oldestMissed = def.schedule().firstAfter(lastRun);
    Instant oldest = now.minus(def.timing().effectiveCatchUpWindow());
    if (oldestMissed != null && oldestMissed.isBefore(oldest)) {
      oldestMissed = def.schedule().firstAfter(oldest.minusNanos(1));
    }
    boolean usable =
        oldestMissed != null
            && !oldestMissed.isAfter(now)
            && (def.endAt() == null || !oldestMissed.isAfter(def.endAt()));
    return usable ? oldestMissed : null;
  }
}
