package org.globustimer.server.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims ahead and fires on time. A claim round takes timers due within the horizon (with this
 * node's id and a lease) and puts each on the timing queue ({@link TaskScheduler}) that fires it at
 * its exact instant; claiming only decides how far ahead we look, never how late we fire. The same
 * round hands runs whose actions are in progress to the {@link Monitor}.
 */
public final class Engine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final Duration CLAIM_EVERY = Duration.ofMillis(250);
  private static final int CLAIM_BATCH = 1_000;

  private final EngineConfig config;
  private final TaskScheduler scheduler;
  private final ClaimedWork work;
  private final NodeClaims claims;
  private final AtomicBoolean claiming = new AtomicBoolean();
  private volatile boolean claimAgain;
  private volatile boolean running;
  private Instant startedAt;
  private final Housekeeping housekeeping;
  private volatile boolean storeAvailable = true;
  private volatile Instant lastClaimed;

  public Engine(EngineConfig config) {
    this.config = config;
    EngineContext context =
        new EngineContext(
            config.store(),
            config.store().writer(),
            config.router(),
            config.clock(),
            config.nodeId(),
            config.horizon(),
            config.lease(),
            config.runTimeout(),
            config.events(),
            config.outbox());
    this.scheduler = config.scheduler();
    this.work = new ClaimedWork(context, scheduler);
    this.claims = new NodeClaims(config.store(), config.nodeId());
    List<ServiceJob> jobs = new ArrayList<>(config.jobs());
    jobs.add(Housekeeping.resultRetention(config.store(), config.clock(), config.retention()));
    this.housekeeping =
        new Housekeeping(
            config.store(), config.clock(), config.nodeId(), config.url(), config.lease(), jobs);
  }

  public void start() {
    running = true;
    startedAt = now();
    claims.takeBackEarlier();
    scheduler.schedule(startedAt, this::claimEvery);
  }

  /** Look for due work now, e.g. after a timer was created or changed. */
  public void wake() {
    if (running) {
      scheduler.schedule(now(), this::claimRound);
    }
  }

  public boolean storeAvailable() {
    return storeAvailable;
  }

  /** Whether claim rounds ran to completion lately: this node is taking its share of work. */
  public boolean claiming() {
    Instant last = lastClaimed;
    return running
        && storeAvailable
        && last != null
        && last.isAfter(now().minus(CLAIM_EVERY.multipliedBy(20)));
  }

  public String nodeId() {
    return config.nodeId();
  }

  private Instant now() {
    return config.clock().instant();
  }

  private void claimEvery() {
    if (!running) {
      return;
    }
    claimRound();
    scheduler.schedule(now().plus(CLAIM_EVERY), this::claimEvery);
  }

  /** One round at a time; a round asked for while one runs follows straight after it. */
  private void claimRound() {
    if (!running) {
      return;
    }
    if (!claiming.compareAndSet(false, true)) {
      claimAgain = true;
      return;
    }
    try {
      do {
        claimAgain = false;
        claimSafely();
      } while (claimAgain && running);
    } finally {
      claiming.set(false);
    }
  }

  private void claimSafely() {
    try {
      claimOnce();
      storeAvailable = true;
      lastClaimed = now();
    } catch (StoreException e) {
      if (storeAvailable) {
        log.warn(
            "the database is unavailable; claiming pauses until it returns: {}", e.getMessage());
      }
      storeAvailable = false;
    } catch (RuntimeException e) {
      if (running) {
        log.error("claim round failed; trying again", e);
      }
    }
  }

  private void claimOnce() {
    Instant now = now();
    Instant horizonEnd = now.plus(config.horizon());
    Instant leaseEnd = now.plus(config.lease());
    TimerStore store = config.store();
    List<TimerRow> claimed =
        store.inTransaction(
            tx -> tx.claimDue(config.nodeId(), now, horizonEnd, leaseEnd, CLAIM_BATCH));
    claimed.forEach(work::fireAtDue);
    List<RunRow> checks =
        store.inTransaction(tx -> tx.claimRunsToCheck(now, horizonEnd, leaseEnd, CLAIM_BATCH));
    checks.forEach(work::checkAtDue);
    if (!claimed.isEmpty() || !checks.isEmpty()) {
      config.events().claimed(claimed.size(), checks.size());
    }
    housekeeping.runIfDue(startedAt);
    if (claimed.size() == CLAIM_BATCH) {
      claimAgain = true;
    }
  }

  /** Stops firing, lets in-flight work finish briefly, and gives this node's claims back. */
  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  /**
   * Stops claiming and drops queued work, lets firings and checks under way finish for up to {@code
   * drain}, then gives back this node's claims: its timers and the runs it was to check.
   */
  public void close(Duration drain) {
    running = false;
    work.stop();
    scheduler.close(drain);
    config.router().close();
    claims.giveBack(work.queuedChecks());
  }
}
