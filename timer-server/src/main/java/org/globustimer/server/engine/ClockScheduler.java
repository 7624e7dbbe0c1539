package org.globustimer.server.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The real timing queue: one platform thread waits for the next instant and hands the task to a
 * virtual thread, so a slow task never delays the next one.
 */
public final class ClockScheduler implements TaskScheduler {

  private static final Duration FINISH_WITHIN = Duration.ofSeconds(5);

  private final Clock clock;
  private final ScheduledThreadPoolExecutor timing =
      new ScheduledThreadPoolExecutor(
          1, Thread.ofPlatform().name("timer-clock").daemon().factory());
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  public ClockScheduler(Clock clock) {
    this.clock = clock;
    timing.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void schedule(Instant at, Runnable task) {
    long delayNanos = Duration.between(clock.instant(), at).toNanos();
    try {
      timing.schedule(() -> workers.execute(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Closed: the engine is stopping and drops work it has not started.
    }
  }

  @Override
  public void close() {
    close(FINISH_WITHIN);
  }

  @Override
  public void close(Duration finishWithin) {
    timing.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(finishWithin.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
