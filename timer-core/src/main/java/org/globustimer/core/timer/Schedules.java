package org.globustimer.core.timer;

import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.cron.Jitter;

/**
 * The schedule rules as pure functions of a timer's definition and state: which tick comes next,
 * and how a timer's state changes when it is created, fires, skips or finishes a run (an owner's
 * commands are {@link Commands}'). A tick is identified by its instant in epoch milliseconds (its
 * slot); the tick arithmetic itself is the {@link org.globustimer.core.schedule.Schedule}'s.
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
    return scheduledAt(def, b.build(), following(def, b.runs, Instant.ofEpochMilli(slot), now));
  }

  private static Instant following(TimerDefinition def, int runs, Instant tick, Instant now) {
    if (def.timing().catchUp() == CatchUpPolicy.ALL && !def.runsOnce() && !ranOut(def, runs)) {
      Instant next = def.schedule().firstAfter(tick);
      if (next != null && !next.isAfter(now) && withinEnd(def, next)) {
        return next;
      }
    }
    return nextTick(def, runs, now);
  }

  /**
   * Which tick a timer due since {@code due} fires now under its catch-up policy, or null when the
   * missed ticks are dropped ({@link #missed}). A tick is missed once its fire instant is more than
   * {@link #ON_TIME} in the past; a one-off timer always runs, late rather than never.
   */
  public static Instant tickToFire(TimerDefinition def, Instant due, Instant now) {
    if (def.runsOnce()) {
      return due;
    }
    Instant latest = def.schedule().latestAtOrBefore(now);
    if (latest != null && def.endAt() != null && latest.isAfter(def.endAt())) {
      latest = def.schedule().latestAtOrBefore(def.endAt());
    }
    if (latest == null || !latest.isAfter(due)) {
      latest = due;
    }
    Timing timing = def.timing();
    return switch (timing.catchUp()) {
      case ONE -> latest;
      case NONE -> {
        Instant firesAt = Jitter.fireAt(timing.jitterKey(), latest, timing.jitterSeconds());
        yield Duration.between(firesAt, now).compareTo(ON_TIME) <= 0 ? latest : null;
      }
      case ALL -> {
        Instant oldest = now.minus(timing.effectiveCatchUpWindow());
        if (!due.isBefore(oldest)) {
          yield due;
        }
        Instant first = def.schedule().firstAfter(oldest.minusNanos(1));
        yield first != null && !first.isAfter(latest) ? first : null;
      }
    };
  }

  /** How late a tick may fire and still count as on time for catch-up {@code none}. */
  public static final Duration ON_TIME = Duration.ofMinutes(1);

  /** Missed ticks dropped by the catch-up policy: counted as skipped, the timer waits. */
  public static TimerState missed(TimerDefinition def, TimerState s, Instant now) {
    return skipped(def, s, now);
  }

  /** A tick that came while the previous run was in progress: skipped, not counted as a run. */
  public static TimerState skipped(TimerDefinition def, TimerState s, Instant now) {
    TimerState.Builder b = s.toBuilder();
    b.skipped = s.skipped() + 1;
    return scheduledAt(def, b.build(), nextTick(def, s.runs(), now));
  }

  /**
   * A tick that came while the previous run was in progress, under {@code buffer_one}: counted and
   * held as the pending run, submitted when the current run ends ({@link #actionFinished}).
   */
  public static TimerState buffered(TimerDefinition def, TimerState s, long slot, Instant now) {
    TimerState.Builder b = fired(def, s, slot, now).toBuilder();
    b.dueAt = null;
    return b.build();
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
    while (tick != null && fireTimes.size() < count && !ranOut(def, runs) && withinEnd(def, tick)) {
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
    return scheduledAt(def, released, nextTick(def, released.runs(), now));
  }

  /**
   * How long transient submission failures are retried: half the interval (for cron, half the gap
   * between its first two ticks), at most 45 min.
   */
  public static Duration retryWindow(TimerDefinition def) {
    Duration cap = Duration.ofMinutes(45);
    if (def.runsOnce()) {
      return cap;
    }
    Duration gap = def.interval();
    if (def.isCron()) {
      Instant first = def.schedule().firstAfter(def.start().minusNanos(1));
      Instant second = first == null ? null : def.schedule().firstAfter(first);
      gap = second == null ? cap.multipliedBy(2) : Duration.between(first, second);
    }
    Duration half = gap.dividedBy(2);
    return half.compareTo(cap) < 0 ? half : cap;
  }
}
