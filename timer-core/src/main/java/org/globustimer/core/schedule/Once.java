package org.globustimer.core.schedule;

import java.time.Instant;

/** A single tick at {@code at}. */
public record Once(Instant at) implements Schedule {

  @Override
  public Instant firstAfter(Instant now) {
    return at.isAfter(now) ? at : null;
  }

  @Override
  public Instant latestAtOrBefore(Instant now) {
    return at.isAfter(now) ? null : at;
  }
}
