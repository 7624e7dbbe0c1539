package org.globustimer.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Ticks at {@code start + n × interval} (n = 0, 1, 2, …): they stay on this grid, so a late run
 * never moves later ticks.
 */
public record Every(Instant start, Duration interval) implements Schedule {

  public Every {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("an interval must be positive, not " + interval);
    }
  }

  @Override
  public Instant firstAfter(Instant now) {
    return tick(index(now) + 1);
  }

  @Override
  public Instant latestAtOrBefore(Instant now) {
    long index = index(now);
    return index < 0 ? null : tick(index);
  }

  /** The index of the latest tick at or before {@code now}; -1 before the start. */
  private long index(Instant now) {
    if (now.isBefore(start)) {
      return -1;
    }
    // dividedBy, not toNanos: nanoseconds overflow a long after 292 years, and a start may be
    // older.
    return Duration.between(start, now).dividedBy(interval);
  }

  private Instant tick(long index) {
    return start.plus(interval.multipliedBy(index));
  }
}
