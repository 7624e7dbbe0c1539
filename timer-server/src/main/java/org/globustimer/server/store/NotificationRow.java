package org.globustimer.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification of a timer event to one target, as the outbox keeps it: {@code state} is {@code
 * pending}, {@code delivered} or {@code failed} (given up after its attempts).
 */
public record NotificationRow(
    UUID id,
    UUID timerId,
    String owner,
    String event,
    long slot,
    String target,
    String payload,
    String state,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
}
