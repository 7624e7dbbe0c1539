package org.globustimer.core.timer;

import java.time.Instant;

/**
 * Ticks that come while a run is in progress (the overlap policy), and what the end of that run
 * releases.
 */
public final class Overlaps {

  private Overlaps() {}

  /** A tick that came while the previous run was in progress: skipped, not counted as a run. */
  public static TimerState skipped(TimerDefinition def, TimerState s, Instant now) {
    TimerState.Builder b = s.toBuilder();
    b.skipped = s.skipped() + 1;
    return Schedules.scheduledAt(def, b.build(), Ticks.nextTick(def, s.runs(), now));
  }

  /**
   * A tick that came while the previous run was in progress, under {@code buffer_one}: counted and
   * held as the pending run, submitted when the current run ends ({@link #actionFinished}).
   */
  public static TimerState buffered(TimerDefinition def, TimerState s, long slot, Instant now) {
    TimerState.Builder b = Schedules.fired(def, s, slot, now).toBuilder();
    b.dueAt = null;
    return b.build();
  }

  /** The action of run {@code slot} reached a final state. */
  public static TimerState actionFinished(TimerState s, long slot, boolean failed) {
    TimerState.Builder b = s.toBuilder();
    if (s.activeSlot() != null && s.activeSlot() == slot) {
      b.activeSlot = null;
    }
    if (failed) {
      b.errors = s.errors() + 1;
    }
    return b.build();
  }

  /**
   * The action of run {@code slot} reached a final state at {@code now}; a run buffered behind it
   * ({@code buffer_one}) becomes due at once, and ticks that came while it waited are dropped.
   */
  public static TimerState actionFinished(
      TimerDefinition def, TimerState s, long slot, boolean failed, Instant now) {
    TimerState finished = actionFinished(s, slot, failed);
    boolean bufferedWaiting =
        finished.activeSlot() == null
            && finished.pendingSlot() != null
            && finished.dueAt() == null
            && finished.status().isScheduled();
    if (!bufferedWaiting) {
      return finished;
    }
    TimerState.Builder b = finished.toBuilder();
    b.dueAt = now;
    TimerState released = b.build();
    if (released.nextRunAt() != null && released.nextRunAt().isAfter(now)) {
      return released;
    }
    return Schedules.scheduledAt(def, released, Ticks.nextTick(def, released.runs(), now));
  }
}
