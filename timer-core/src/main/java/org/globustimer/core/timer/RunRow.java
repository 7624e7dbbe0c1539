package org.globustimer.core.timer;

import java.time.Instant;
import java.util.UUID;

/** One fired tick of a timer; unique on (timer, slot). JSON columns are kept as text. */
public record RunRow(
    UUID timerId,
    long slot,
    Instant tickAt,
    String requestId,
    RunState state,
    Instant ranAt,
    Instant endAt,
    int attempts,
    Instant retryUntil,
    Integer httpStatusSubmission,
    Integer httpStatusPolled,
    String actionId,
    String data,
    String errors,
    Instant lastCheckAt,
    Instant nextCheckAt,
    int polls) {

  public static RunRow submitting(
      UUID timerId, long slot, Instant tickAt, String requestId, Instant now, Instant retryUntil) {
    return new RunRow(
        timerId,
        slot,
        tickAt,
        requestId,
        RunState.SUBMITTING,
        now,
        null,
        0,
        retryUntil,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  public RunRow submitted(
      RunState newState,
      int httpStatus,
      String newActionId,
      String newData,
      String newErrors,
      Instant now,
      Instant nextCheck) {
    return new RunRow(
        timerId,
        slot,
        tickAt,
        requestId,
        newState,
        ranAt,
        newState.isFinal() ? now : null,
        attempts + 1,
        retryUntil,
        httpStatus,
        httpStatusPolled,
        newActionId,
        newData,
        newErrors,
        lastCheckAt,
        nextCheck,
        polls);
  }

  public RunRow polled(
      RunState newState,
      int httpStatus,
      String newData,
      String newErrors,
      Instant now,
      Instant nextCheck) {
    return new RunRow(
        timerId,
        slot,
        tickAt,
        requestId,
        newState,
        ranAt,
        newState.isFinal() ? now : null,
        attempts,
        retryUntil,
        httpStatusSubmission,
        httpStatus,
        actionId,
        newData,
        newErrors,
        now,
        nextCheck,
        polls + 1);
  }
}
