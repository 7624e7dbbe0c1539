package org.globustimer.server.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, off by an amount a test changes at will: a clock that jumps while it runs. */
public final class JumpingClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** From now on the clock reads true time plus {@code offset}. */
  public void set(Duration offset) {
    this.offset = offset;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a jumping clock is in UTC");
  }
}
