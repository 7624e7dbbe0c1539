package org.globustimer.server.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.globustimer.server.engine.TaskScheduler;

/**
 * The engine's timing queue under a test's control: nothing runs until the test moves the {@link
 * ManualClock} through this scheduler, and then each due task runs on the test's thread at its own
 * instant, in order. One scheduler may serve a service across restarts: a stopped engine's tasks
 * find it stopped and do nothing.
 */
public final class ManualScheduler implements TaskScheduler {

  private record Task(Instant at, long order, Runnable work) {}

  private final ManualClock clock;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparing(Task::at).thenComparingLong(Task::order));
  private long scheduled;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  public ManualClock clock() {
    return clock;
  }

  @Override
  public synchronized void schedule(Instant at, Runnable task) {
    tasks.add(new Task(at, scheduled++, task));
  }

  /** Runs every task due now, including those they schedule for now. */
  public void runDue() {
    advanceTo(clock.instant());
  }

  public void advance(Duration by) {
    advanceTo(clock.instant().plus(by));
  }

  /**
   * Moves the clock to each task due by {@code target} in turn and runs it there, then leaves the
   * clock at {@code target}.
   */
  public void advanceTo(Instant target) {
    for (Task next = nextDue(target); next != null; next = nextDue(target)) {
      if (next.at().isAfter(clock.instant())) {
        clock.set(next.at());
      }
      next.work().run();
    }
    if (target.isAfter(clock.instant())) {
      clock.set(target);
    }
  }

  private synchronized Task nextDue(Instant target) {
    Task next = tasks.peek();
    return next == null || next.at().isAfter(target) ? null : tasks.poll();
  }

  @Override
  public void close() {
    // Shared across the restarts of a service: what its stopped engine left is ignored by it.
  }
}
