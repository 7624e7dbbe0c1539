package org.globustimer.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Tick arithmetic: ticks fall at {@code start + n × interval} (n = 0, 1, 2, …), so a late run never
 * moves later ticks. A tick is identified by its slot number n.
 */
public final class Ticks {

  private Ticks() {}

  public static Instant tickAt(Instant start, Duration interval, long slot) {
    if (interval == null) {
      return start;
    }
    return start.plus(interval.multipliedBy(slot));
  }

  /** The slot of the latest tick at or before {@code now}; -1 before the start. */
  public static long slotAtOrBefore(Instant start, Duration interval, Instant now) {
    if (now.isBefore(start)) {
      return -1;
    }
    if (interval == null) {
      return 0;
    }
    return Duration.between(start, now).toNanos() / interval.toNanos();
  }

  /** The first slot whose tick is strictly after {@code now}. */
  public static long firstSlotAfter(Instant start, Duration interval, Instant now) {
    return slotAtOrBefore(start, interval, now) + 1;
  }
}
