package org.globustimer.core.timer;

import java.time.Duration;
import java.time.Instant;

/**
 * The schedule rules as pure functions of a timer's definition and state: which tick comes next,
 * and how a timer's state changes when it is created, fires, skips, pauses or resumes. A tick is
 * identified by its instant in epoch milliseconds (its slot); the tick arithmetic itself is the
 * {@link org.globustimer.core.schedule.Schedule}'s.
 */
public final class Schedules {

  private Schedules() {}

  /**
   * The first tick strictly after {@code now} that the end conditions allow, or null. A one-off
   * timer's tick stays due until it has run: it runs late rather than not at all.
   */
  public static Instant nextTick(TimerDefinition def, int runsSoFar, Instant now) {
    if (ranOut(def, runsSoFar)) {
      return null;
    }
    Instant tick = def.runsOnce() ? def.start() : def.schedule().firstAfter(now);
    return withinEnd(def, tick) ? tick : null;
  }

  /**
   * The tick to run now or next: the latest tick at or before {@code now} if there is one that was
   * missed since {@code lastRun}, else the next one. Missed ticks collapse into this one run.
   */
  public static Instant dueTick(TimerDefinition def, int runsSoFar, Instant lastRun, Instant now) {
    if (ranOut(def, runsSoFar)) {
      return null;
    }
    if (def.runsOnce()) {
      return def.start();
    }
    Instant missed = def.schedule().latestAtOrBefore(now);
    boolean alreadyRun = missed != null && lastRun != null && !lastRun.isBefore(missed);
    if (missed != null && !alreadyRun && withinEnd(def, missed)) {
      return missed;
    }
    return nextTick(def, runsSoFar, now);
  }

  private static boolean ranOut(TimerDefinition def, int runsSoFar) {
    return def.endRuns() != null && runsSoFar >= def.endRuns() || def.runsOnce() && runsSoFar > 0;
  }

  private static boolean withinEnd(TimerDefinition def, Instant tick) {
    return tick != null && (def.endAt() == null || !tick.isAfter(def.endAt()));
  }

  /** The state of a timer just created: due at its first tick (now, if the start has passed). */
  public static TimerState initial(TimerDefinition def, Instant now) {
    Instant first = dueTick(def, 0, null, now);
    return scheduledAt(
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

  /** Points a state at its next tick, or ends it when there is none. */
  public static TimerState scheduledAt(TimerState state, Instant tick) {
    TimerState.Builder b = state.toBuilder();
    if (tick == null) {
      b.nextSlot = null;
      b.nextRunAt = null;
      if (b.pendingSlot == null) {
        b.dueAt = null;
        if (b.status.isScheduled()) {
          b.status = TimerStatus.ENDED;
        }
      }
    } else {
      b.nextSlot = tick.toEpochMilli();
      b.nextRunAt = tick;
      if (b.pendingSlot == null && b.status.isScheduled()) {
        b.dueAt = tick;
      }
    }
    return b.build();
  }

  /** After a tick fired at {@code now}: counted, submission pending, next tick after now. */
  public static TimerState fired(TimerDefinition def, TimerState s, long slot, Instant now) {
    TimerState.Builder b = s.toBuilder();
    b.runs = s.runs() + 1;
    b.lastRanAt = now;
    b.pendingSlot = slot;
    b.dueAt = now;
    if (b.status == TimerStatus.NEW) {
      b.status = TimerStatus.LOADED;
    }
    return scheduledAt(b.build(), nextTick(def, b.runs, now));
  }

  /** A tick that came while the previous run was in progress: skipped, not counted as a run. */
  public static TimerState skipped(TimerDefinition def, TimerState s, Instant now) {
    TimerState.Builder b = s.toBuilder();
    b.skipped = s.skipped() + 1;
    return scheduledAt(b.build(), nextTick(def, s.runs(), now));
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
    return scheduledAt(b.build(), s.nextRunAt());
  }

  /** The pending submission will be attempted again at {@code retryAt}. */
  public static TimerState retryAt(TimerState s, Instant retryAt) {
    TimerState.Builder b = s.toBuilder();
    if (s.status().isScheduled()) {
      b.dueAt = retryAt;
    }
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

  /** Paused by the user or by the service: nothing fires until resumed. */
  public static TimerState paused(TimerState s, String cause, String detail) {
    TimerState.Builder b = s.toBuilder();
    b.status = TimerStatus.INACTIVE;
    b.inactiveCause = cause;
    b.inactiveDetail = detail;
    b.dueAt = null;
    return b.released().build();
  }

  /** Resumed: a tick missed while paused runs once now, unless asked to wait for the next. */
  public static TimerState resumed(
      TimerDefinition def, TimerState s, boolean waitForNext, Instant now) {
    TimerState.Builder b = s.toBuilder();
    b.status = TimerStatus.LOADED;
    b.inactiveCause = null;
    b.inactiveDetail = null;
    TimerState active = b.released().build();
    Instant tick =
        waitForNext ? nextTick(def, s.runs(), now) : dueTick(def, s.runs(), s.lastRanAt(), now);
    if (active.pendingSlot() != null) {
      active = retryAt(active, now);
    }
    return scheduledAt(active, tick);
  }

  /** The definition changed (interval or end): re-plan from now. */
  public static TimerState replanned(TimerDefinition def, TimerState s, Instant now) {
    TimerState.Builder b = s.toBuilder();
    if (b.status.isScheduled() || b.status == TimerStatus.ENDED) {
      b.status = TimerStatus.UPDATED;
    }
    return scheduledAt(b.released().build(), nextTick(def, s.runs(), now));
  }

  /** Soft-deleted: kept and readable, never fires again. */
  public static TimerState deleted(TimerState s) {
    TimerState.Builder b = s.toBuilder();
    b.status = TimerStatus.DELETED;
    b.dueAt = null;
    b.nextSlot = null;
    b.nextRunAt = null;
    return b.released().build();
  }

  /** How long transient submission failures are retried: half the interval, at most 45 min. */
  public static Duration retryWindow(TimerDefinition def) {
    Duration cap = Duration.ofMinutes(45);
    if (def.runsOnce()) {
      return cap;
    }
    Duration half = def.interval().dividedBy(2);
    return half.compareTo(cap) < 0 ? half : cap;
  }
}
