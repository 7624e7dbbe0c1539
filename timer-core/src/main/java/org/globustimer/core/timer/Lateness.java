package org.globustimer.core.timer;

import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.cron.Jitter;

/**
 * What a timer does with ticks that come late: which of the missed ticks fires (its catch-up
 * policy), how a submission left pending by a node that stopped absorbs the ticks missed meanwhile,
 * and how long a failed submission is retried.
 */
public final class Lateness {

  private Lateness() {}

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
    return Overlaps.skipped(def, s, now);
  }

  /**
   * The pending run is submitted again at {@code now}: after its node stopped mid-submission (and
   * another node, or the same after a restart, took the timer over), or to retry it. Ticks that
   * came meanwhile collapse into it, as missed ticks collapse on a restart: it is that stretch's
   * one run, and the timer next fires at its first tick after now. Under catch-up {@code all} the
   * missed ticks still run, oldest first.
   */
  public static TimerState resent(TimerDefinition def, TimerState s, Instant now) {
    boolean missedSince =
        s.pendingSlot() != null && s.nextRunAt() != null && !s.nextRunAt().isAfter(now);
    if (!missedSince || def.runsOnce() || def.timing().catchUp() == CatchUpPolicy.ALL) {
      return s;
    }
    return Schedules.scheduledAt(def, s, Ticks.nextTick(def, s.runs(), now));
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
