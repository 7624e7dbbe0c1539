package org.globustimer.core.timer;

import java.time.Instant;
import java.util.UUID;

/** One timer as stored: who owns it, what it should do, and where the engine is with it. */
public record TimerRow(
    UUID id, String owner, Instant submittedAt, TimerDefinition definition, TimerState state) {

  /** The timer's id is its jitter's key, so every node spreads its ticks the same way. */
  public TimerRow {
    if (id != null
        && definition != null
        && !id.toString().equals(definition.timing().jitterKey())) {
      definition = definition.withTiming(definition.timing().withJitterKey(id.toString()));
    }
  }

  public TimerRow with(TimerState newState) {
    return new TimerRow(id, owner, submittedAt, definition, newState);
  }

  public TimerRow with(TimerDefinition newDefinition) {
    return new TimerRow(id, owner, submittedAt, newDefinition, state);
  }
}
