package org.globustimer.server.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs the engine's work at instants of its clock: the claim rounds, each timer's firing and each
 * run's status check. The service uses {@link ClockScheduler}; tests use a manual one that runs due
 * work when the test moves its clock.
 */
public interface TaskScheduler extends AutoCloseable {

  /**
   * Runs {@code task} once, at {@code at} or as soon after it as it can (at once if it is past).
   */
  void schedule(Instant at, Runnable task);

  /** Drops work not yet started and lets work under way finish for a short while. */
  @Override
  void close();

  /** Drops work not yet started and lets work under way finish for up to {@code finishWithin}. */
  default void close(Duration finishWithin) {
    close();
  }
}
