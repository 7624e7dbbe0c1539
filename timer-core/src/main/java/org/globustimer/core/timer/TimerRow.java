package org.globustimer.core.timer;

import java.time.Instant;
import java.util.UUID;

/** One timer as stored: who owns it, what it should do, and where the engine is with it. */
public record TimerRow(
    UUID id, String owner, Instant submittedAt, TimerDefinition definition, TimerState state) {

  public TimerRow with(TimerState newState) {
    return new TimerRow(id, owner, submittedAt, definition, newState);
  }

  public TimerRow with(TimerDefinition newDefinition) {
    return new TimerRow(id, owner, submittedAt, newDefinition, state);
  }
}
