package org.globustimer.core.timer;

import java.time.Instant;
import org.globustimer.core.cron.Jitter;

/**
 * The schedule rules as pure functions of a timer's definition and state: how a timer's state
 * changes when it is created, fires, skips or finishes a run (an owner's commands are {@link
 * Commands}'). A tick is identified by its instant in epoch milliseconds (its slot); which tick is
 * due is {@link Ticks}', the tick arithmetic itself the {@link
 * org.globustimer.core.schedule.Schedule}'s.
 */
public final class Schedules {

  private Schedules() {}

  /** The state of a timer just created: due at its first tick (now, if the start has passed). */
  public static TimerState initial(TimerDefinition def, Instant now) {
    Instant first = Ticks.dueTick(def, 0, null, now);
    return scheduledAt(
        def,
        new TimerState(
            TimerStatus.NEW,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            null,
            null,
            null,
            0),
        first);
  }

  /** Points a state at its next tick, firing after the timer's jitter, or ends it. */
  public static TimerState scheduledAt(TimerDefinition def, TimerState state, Instant tick) {
    if (tick == null) {
      return scheduledAt(state, null);
    }
    Timing timing = def.timing();
    return pointedAt(
        state,
        tick.toEpochMilli(),
        Jitter.fireAt(timing.jitterKey(), tick, timing.jitterSeconds()));
  }

  /** Points a state at its next tick (fired at the tick itself), or ends it when there is none. */
  public static TimerState scheduledAt(TimerState state, Instant tick) {
    return pointedAt(state, tick == null ? null : tick.toEpochMilli(), tick);
  }

  private static TimerState pointedAt(TimerState state, Long slot, Instant fireAt) {
    TimerState.Builder b = state.toBuilder();
    if (slot == null) {
      b.nextSlot = null;
      b.nextRunAt = null;
      if (b.pendingSlot == null) {
        b.dueAt = null;
        if (b.status.isScheduled()) {
          b.status = TimerStatus.ENDED;
        }
      }
    } else {
      b.nextSlot = slot;
      b.nextRunAt = fireAt;
      if (b.pendingSlot == null && b.status.isScheduled()) {
        b.dueAt = fireAt;
      }
    }
    return b.build();
  }

  /**
   * After a tick fired at {@code now}: counted, submission pending, and pointed at the next tick:
   * the first after now, or with catch-up {@code all} the next missed one still in the window.
   */
  public static TimerState fired(TimerDefinition def, TimerState s, long slot, Instant now) {
    TimerState.Builder b = s.toBuilder();
    b.runs = s.runs() + 1;
    b.lastRanAt = now;
    b.pendingSlot = slot;
    b.dueAt = now;
    if (b.status == TimerStatus.NEW) {
      b.status = TimerStatus.LOADED;
    }
    return scheduledAt(
        def, b.build(), Ticks.following(def, b.runs, Instant.ofEpochMilli(slot), now));
  }

  /**
   * The next {@code count} fire instants (jitter included) of a scheduled timer, from its next tick
   * on, within its end conditions; none for a paused, ended or deleted timer.
   */
  public static java.util.List<Instant> upcoming(TimerDefinition def, TimerState s, int count) {
    java.util.List<Instant> fireTimes = new java.util.ArrayList<>();
    if (!s.status().isScheduled() || s.nextSlot() == null) {
      return fireTimes;
    }
    Timing timing = def.timing();
    Instant tick = Instant.ofEpochMilli(s.nextSlot());
    int runs = s.runs();
    while (tick != null
        && fireTimes.size() < count
        && !Ticks.ranOut(def, runs)
        && Ticks.withinEnd(def, tick)) {
      fireTimes.add(Jitter.fireAt(timing.jitterKey(), tick, timing.jitterSeconds()));
      runs++;
      tick = def.runsOnce() ? null : def.schedule().firstAfter(tick);
    }
    return fireTimes;
  }

  /** The submission of the pending run is settled; the timer waits for its next tick. */
  public static TimerState submissionSettled(
      TimerState s, long slot, boolean stillActive, boolean failed) {
    TimerState.Builder b = s.toBuilder();
    if (s.pendingSlot() != null && s.pendingSlot() == slot) {
      b.pendingSlot = null;
    }
    if (stillActive) {
      b.activeSlot = slot;
    }
    if (failed) {
      b.errors = s.errors() + 1;
    }
    return pointedAt(b.build(), s.nextSlot(), s.nextRunAt());
  }

  /** The pending submission will be attempted again at {@code retryAt}. */
  public static TimerState retryAt(TimerState s, Instant retryAt) {
    TimerState.Builder b = s.toBuilder();
    if (s.status().isScheduled()) {
      b.dueAt = retryAt;
    }
    return b.build();
  }
}
