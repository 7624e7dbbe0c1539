package org.globustimer.server.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that stands still until a test moves it; it never goes back. */
public final class ManualClock extends Clock {

  private volatile Instant now;

  /** Starts at the real time now, to the millisecond (what the store keeps). */
  public ManualClock() {
    this(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  public ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration by) {
    set(now.plus(by));
  }

  public synchronized void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException("the clock does not go back: " + instant + " < " + now);
    }
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a manual clock is UTC");
  }
}
