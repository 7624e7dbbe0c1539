package org.globustimer.server.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a claim round found, done at its instant: each claimed timer fired and each claimed run
 * checked from the timing queue, never one timer or run queued twice, and only so many at once.
 */
final class ClaimedWork {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final Duration STORE_RETRY = Duration.ofSeconds(1);

  /**
   * Firings and checks in progress at once, so that a slow provider cannot pile up an unbounded
   * number of waiting calls; their writes share the group-commit writer, not the pool.
   */
  private static final int IN_FLIGHT = 4_096;

  private final EngineContext context;
  private final Firing firing;
  private final Monitor monitor;
  private final TaskScheduler scheduler;
  private final Set<UUID> queuedTimers = ConcurrentHashMap.newKeySet();
  private final Map<String, RunRow> queuedChecks = new ConcurrentHashMap<>();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private volatile boolean running = true;

  ClaimedWork(EngineContext context, TaskScheduler scheduler) {
    this.context = context;
    this.firing = new Firing(context);
    this.monitor = new Monitor(context);
    this.scheduler = scheduler;
  }

  /** Queued work that has not started is dropped from now on; work under way goes on. */
  void stop() {
    running = false;
  }

  /** The runs queued to be checked, whose claims are to be given back on a stop. */
  Collection<RunRow> queuedChecks() {
    return queuedChecks.values();
  }

  void fireAtDue(TimerRow timer) {
    if (running && queuedTimers.add(timer.id())) {
      scheduler.schedule(timer.state().dueAt(), () -> bounded(() -> fire(timer)));
    }
  }

  void checkAtDue(RunRow run) {
    String key = run.timerId() + "/" + run.slot();
    if (running && queuedChecks.putIfAbsent(key, run) == null) {
      scheduler.schedule(run.nextCheckAt(), () -> bounded(() -> check(key, run)));
    }
  }

  private void fire(TimerRow timer) {
    TimerRow next = null;
    try {
      next = firing.fire(timer);
    } catch (StoreException e) {
      // The lease is still ours: try again shortly rather than waiting for it to expire. If
      // another node takes the timer meanwhile, the version check sees that and drops it.
      log.debug(
          "firing timer {} failed on the database; trying again: {}", timer.id(), e.toString());
      TimerState.Builder retry = timer.state().toBuilder();
      retry.dueAt = context.clock().instant().plus(STORE_RETRY);
      next = timer.with(retry.build());
    } catch (RuntimeException e) {
      log.warn(
          "firing timer {} failed; its lease will expire and it is claimed again: {}",
          timer.id(),
          e.toString());
    } finally {
      queuedTimers.remove(timer.id());
    }
    if (next != null) {
      fireAtDue(next);
    }
  }

  private void check(String key, RunRow run) {
    try {
      monitor.check(run);
    } catch (RuntimeException e) {
      log.warn("checking run {} failed: {}", key, e.toString());
    } finally {
      queuedChecks.remove(key);
    }
  }

  private void bounded(Runnable work) {
    if (!running) {
      return;
    }
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      work.run();
    } finally {
      inFlight.release();
    }
  }
}
