package org.globustimer.core.cron;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * Spreads a tick's fire instant over a window after the tick, the same way on every node and every
 * retry: the delay is a hash of (timer, tick), never random and never negative.
 */
public final class Jitter {

  private Jitter() {}

  /** The delay after the tick, in [0, jitterSeconds) to the millisecond; zero without jitter. */
  public static Duration delay(String timerId, Instant tick, int jitterSeconds) {
    if (jitterSeconds <= 0) {
      return Duration.ZERO;
    }
    long window = jitterSeconds * 1000L;
    return Duration.ofMillis(Math.floorMod(hash(timerId, tick.toEpochMilli()), window));
  }

  /** When the tick fires: the tick plus its delay. */
  public static Instant fireAt(String timerId, Instant tick, int jitterSeconds) {
    return tick.plus(delay(timerId, tick, jitterSeconds));
  }

  private static long hash(String timerId, long tickMillis) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(timerId.getBytes(StandardCharsets.UTF_8));
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(tickMillis).array());
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
