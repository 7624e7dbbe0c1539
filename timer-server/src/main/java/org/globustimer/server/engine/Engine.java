package org.globustimer.server.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.server.store.GroupCommit;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims ahead and fires on time. A claim loop takes timers due within the horizon (with this
 * node's id and a lease) and puts each on an in-memory timing queue that fires it at its exact
 * instant on a virtual thread; polling only decides how far ahead we look, never how late we fire.
 * The same loop hands runs whose actions are in progress to the {@link Monitor}.
 */
public final class Engine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final Duration CLAIM_EVERY = Duration.ofMillis(250);
  private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
  private static final Duration FORGET_SILENT_NODES = Duration.ofMinutes(10);
  private static final int CLAIM_BATCH = 1_000;
  private static final Duration STORE_RETRY = Duration.ofSeconds(1);

  /**
   * Firings and checks in progress at once, so that a slow provider cannot pile up an unbounded
   * number of waiting calls; their writes share the group-commit writer, not the pool.
   */
  private static final int IN_FLIGHT = 4_096;

  private final EngineContext context;
  private final GroupCommit writer;
  private final Firing firing;
  private final Monitor monitor;
  private final ScheduledThreadPoolExecutor timing;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<UUID> queuedTimers = ConcurrentHashMap.newKeySet();
  private final Set<String> queuedChecks = ConcurrentHashMap.newKeySet();
  private final Semaphore wakeUp = new Semaphore(0);
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final String url;
  private final Duration retention;
  private volatile boolean running;
  private Thread claimLoop;
  private Instant startedAt;
  private Instant lastHeartbeat = Instant.EPOCH;
  private Instant lastSweep = Instant.EPOCH;
  private volatile boolean storeAvailable = true;
  private volatile Instant lastClaimed;

  public Engine(
      TimerStore store,
      ActionRouter router,
      Clock clock,
      String nodeId,
      Duration horizon,
      Duration lease,
      String url,
      Duration retention,
      EngineEvents events) {
    this.writer = new GroupCommit(store, 1);
    this.context = new EngineContext(store, writer, router, clock, nodeId, horizon, lease, events);
    this.firing = new Firing(context);
    this.monitor = new Monitor(context);
    this.url = url;
    this.retention = retention;
    this.timing =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("timer-clock").daemon().factory());
    this.timing.setRemoveOnCancelPolicy(true);
  }

  public void start() {
    running = true;
    startedAt = context.clock().instant();
    try {
      // Claims still marked with this node's id were left by its previous run, which stopped
      // without giving them back: take them back now rather than after their leases.
      context
          .store()
          .inTransaction(
              tx -> {
                tx.releaseClaims(context.nodeId());
                return null;
              });
    } catch (StoreException e) {
      log.warn("could not take back this node's earlier claims; they expire with their leases");
    }
    claimLoop = Thread.ofPlatform().name("timer-claims").daemon().start(this::claimUntilStopped);
  }

  /** Look for due work now, e.g. after a timer was created or changed. */
  public void wake() {
    wakeUp.release();
  }

  public boolean storeAvailable() {
    return storeAvailable;
  }

  /** Whether the claim loop ran to completion lately: this node is taking its share of work. */
  public boolean claiming() {
    Instant last = lastClaimed;
    return running
        && storeAvailable
        && last != null
        && last.isAfter(context.clock().instant().minus(CLAIM_EVERY.multipliedBy(20)));
  }

  public String nodeId() {
    return context.nodeId();
  }

  private void claimUntilStopped() {
    while (running) {
      try {
        claimOnce();
        storeAvailable = true;
        lastClaimed = context.clock().instant();
      } catch (StoreException e) {
        if (storeAvailable) {
          log.warn(
              "the database is unavailable; claiming pauses until it returns: {}", e.getMessage());
        }
        storeAvailable = false;
      } catch (RuntimeException e) {
        if (!running) {
          // Closing: the executors it hands work to are already shut down.
          return;
        }
        log.error("claim loop failed; trying again", e);
      }
      try {
        wakeUp.tryAcquire(CLAIM_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void claimOnce() {
    Instant now = context.clock().instant();
    Instant horizonEnd = now.plus(context.horizon());
    Instant leaseEnd = now.plus(context.lease());
    List<TimerRow> claimed =
        context
            .store()
            .inTransaction(
                tx -> tx.claimDue(context.nodeId(), now, horizonEnd, leaseEnd, CLAIM_BATCH));
    for (TimerRow timer : claimed) {
      schedule(timer);
    }
    List<RunRow> checks =
        context
            .store()
            .inTransaction(tx -> tx.claimRunsToCheck(now, horizonEnd, leaseEnd, CLAIM_BATCH));
    for (RunRow run : checks) {
      scheduleCheck(run);
    }
    if (!claimed.isEmpty() || !checks.isEmpty()) {
      context.events().claimed(claimed.size(), checks.size());
    }
    if (now.isAfter(lastHeartbeat.plus(HEARTBEAT_EVERY))) {
      context
          .store()
          .inTransaction(
              tx -> {
                tx.heartbeat(context.nodeId(), url, startedAt, now);
                tx.forgetNodesSilentSince(now.minus(FORGET_SILENT_NODES));
                return null;
              });
      lastHeartbeat = now;
    }
    if (now.isAfter(lastSweep.plus(Duration.ofHours(1)))) {
      int removed =
          context.store().inTransaction(tx -> tx.deleteRunsEndedBefore(now.minus(retention), 10));
      if (removed > 0) {
        log.info("removed {} results older than {}", removed, retention);
      }
      lastSweep = now;
    }
    if (claimed.size() == CLAIM_BATCH) {
      wake();
    }
  }

  private void schedule(TimerRow timer) {
    if (!running || !queuedTimers.add(timer.id())) {
      return;
    }
    long delayNanos = Duration.between(context.clock().instant(), timer.state().dueAt()).toNanos();
    timing.schedule(
        () -> workers.execute(() -> bounded(() -> fire(timer))),
        Math.max(0, delayNanos),
        TimeUnit.NANOSECONDS);
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
      schedule(next);
    }
  }

  private void scheduleCheck(RunRow run) {
    String key = run.timerId() + "/" + run.slot();
    if (!running || !queuedChecks.add(key)) {
      return;
    }
    long delayNanos = Duration.between(context.clock().instant(), run.nextCheckAt()).toNanos();
    timing.schedule(
        () ->
            workers.execute(
                () -> {
                  try {
                    bounded(() -> monitor.check(run));
                  } catch (RuntimeException e) {
                    log.warn("checking run {} failed: {}", key, e.toString());
                  } finally {
                    queuedChecks.remove(key);
                  }
                }),
        Math.max(0, delayNanos),
        TimeUnit.NANOSECONDS);
  }

  private void bounded(Runnable work) {
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

  /** Stops firing, lets in-flight work finish briefly, and gives this node's claims back. */
  @Override
  public void close() {
    running = false;
    if (claimLoop != null) {
      claimLoop.interrupt();
    }
    timing.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.close();
    try {
      context
          .store()
          .inTransaction(
              tx -> {
                tx.releaseClaims(context.nodeId());
                tx.removeNode(context.nodeId());
                return null;
              });
    } catch (StoreException e) {
      log.warn("could not give back this node's claims; they expire with their leases");
    }
  }
}
