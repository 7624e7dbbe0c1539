package org.globustimer.transfer.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.globustimer.core.action.ActionStatus;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.copy.CopyTuning;
import org.globustimer.transfer.copy.Progress;
import org.globustimer.transfer.copy.TransferJob;
import org.globustimer.transfer.copy.TransferSpec;
import org.globustimer.transfer.endpoint.Endpoint;
import org.globustimer.transfer.endpoint.Endpoints;
import org.globustimer.transfer.endpoint.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs actions and keeps their stored details current while they run. Copies run on platform
 * threads: file system calls block their thread, and on virtual threads every such call would have
 * the scheduler compensate with another carrier.
 */
final class ActionRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
  private static final long FLUSH_MILLIS = 500;
  private static final long RELEASE_SECONDS = 60;

  /** An action this node is running. */
  record Running(
      ActionRecord record,
      TransferSpec spec,
      Progress progress,
      ActionControl control,
      StoredLedger ledger,
      StoredUploads uploads) {}

  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Instant> renewedAt = new ConcurrentHashMap<>();
  private volatile boolean draining;
  private volatile boolean sweepsReleases = true;
  private final ActionStore store;
  private final ActionLeases leases;
  private final Endpoints endpoints;
  private final Clock clock;
  private final int parallel;
  private final CopyTuning tuning;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("transfer-", 0).daemon().factory());
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("transfer-progress").daemon().factory());

  ActionRunner(
      ActionStore store,
      ActionLeases leases,
      Endpoints endpoints,
      Clock clock,
      int parallel,
      CopyTuning tuning) {
    this.store = store;
    this.leases = leases;
    this.endpoints = endpoints;
    this.clock = clock;
    this.parallel = parallel;
    this.tuning = tuning;
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    flusher.scheduleWithFixedDelay(this::releaseDue, 0, RELEASE_SECONDS, TimeUnit.SECONDS);
  }

  void start(ActionRecord record, TransferSpec spec, Instant deadline) {
    Progress progress = new Progress(clock);
    progress.restore(TaskDetails.storedEvents(record.details()));
    Running r =
        new Running(
            record,
            spec,
            progress,
            new ActionControl(clock, deadline),
            store.ledger(record.actionId()),
            store.uploads(record.actionId()));
    // a stopping node starts nothing more: what it holds is handed back when it stops
    if (!draining && running.putIfAbsent(record.actionId(), r) == null) {
      executor.execute(() -> execute(r));
    }
  }

  /** Whether this node is stopping: it takes up no more actions. */
  boolean draining() {
    return draining;
  }

  /** From now on the host runs {@link #releaseDue} (once for all nodes), not this runner. */
  Runnable handReleaseSweep() {
    sweepsReleases = false;
    return () -> store.releaseDue(clock.instant());
  }

  boolean runs(String actionId) {
    return running.containsKey(actionId);
  }

  /** Runs {@code task} every {@code period} until the runner closes. */
  void every(Duration period, Runnable task) {
    long millis = period.toMillis();
    flusher.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.warn("transfer upkeep failed; trying again: {}", e.toString());
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  Optional<ObjectNode> liveDetails(String actionId) {
    Running r = running.get(actionId);
    return r == null ? Optional.empty() : Optional.of(details(r, ActionStatus.ACTIVE, null, null));
  }

  void cancel(String actionId) {
    Running r = running.get(actionId);
    if (r != null) {
      r.control().cancel();
    }
  }

  private ObjectNode details(Running r, ActionStatus status, String code, String description) {
    return TaskDetails.render(
        r.record().actionId(),
        r.spec(),
        r.progress(),
        status,
        r.record().startTime(),
        clock.instant(),
        code,
        description);
  }

  private void execute(Running r) {
    String id = r.record().actionId();
    LOG.info("transfer {} runs here", id);
    try {
      r.progress().event("STARTED", "the transfer started", null, false);
      String owner = r.record().owner();
      Endpoint source = endpoints.require(owner, r.spec().sourceEndpoint());
      Endpoint destination = endpoints.require(owner, r.spec().destinationEndpoint());
      try (Storage src = endpoints.open(source);
          Storage dst = endpoints.open(destination)) {
        new TransferJob(
                r.spec(),
                src,
                dst,
                r.progress(),
                r.control(),
                r.ledger(),
                r.uploads(),
                store.digests(),
                tuning,
                id.substring(0, 8),
                executor,
                parallel)
            .run();
      }
      r.progress().event("SUCCEEDED", "the transfer completed", null, false);
      finish(r, ActionStatus.SUCCEEDED, null, null);
    } catch (TransferException e) {
      if (!r.control().stopping()) {
        r.progress().event(e.code(), e.getMessage(), null, true);
        finish(r, ActionStatus.FAILED, e.code(), e.getMessage());
      }
    } catch (RuntimeException e) {
      if (!r.control().stopping()) {
        LOG.warn("transfer {} failed unexpectedly", id, e);
        finish(r, ActionStatus.FAILED, "INTERNAL_ERROR", "the transfer failed: " + e);
      }
    } finally {
      if (r.control().stopping()) {
        r.ledger().flush();
      }
      running.remove(id);
      renewedAt.remove(id);
      LOG.info("transfer {} stops here", id);
    }
  }

  private void finish(Running r, ActionStatus status, String code, String description) {
    r.ledger().discard();
    store.finish(
        r.record(),
        status,
        details(r, status, code, description),
        TaskDetails.displayStatus(status, code),
        clock.instant());
  }

  /** The canceled action's final details, from its live counters when it runs here. */
  ObjectNode canceledDetails(ActionRecord record) {
    Running r = running.get(record.actionId());
    if (r == null) {
      ObjectNode d = record.details().deepCopy();
      d.put("status", "FAILED").put("nice_status", "CANCELED").put("is_ok", false);
      return d.put("code", "CANCELED").put("description", "the transfer was canceled");
    }
    r.ledger().discard();
    r.progress().event("CANCELED", "the transfer was canceled", null, true);
    return details(r, ActionStatus.FAILED, "CANCELED", "the transfer was canceled");
  }

  private void releaseDue() {
    if (!sweepsReleases) {
      return;
    }
    try {
      store.releaseDue(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("cannot release finished transfers", e);
    }
  }

  private void flush() {
    for (Running r : running.values()) {
      Instant renewed = renewedAt.computeIfAbsent(r.record().actionId(), k -> clock.instant());
      try {
        r.ledger().flush();
        String id = r.record().actionId();
        ObjectNode details = details(r, ActionStatus.ACTIVE, null, null);
        if (leases.renew(id, details, "Transferring", clock.instant())) {
          renewedAt.put(id, clock.instant());
        } else if (running.containsKey(id) && !r.control().stopping() && !r.control().canceled()) {
          LOG.info("transfer {} is no longer this node's (taken over or ended elsewhere)", id);
          r.control().stop();
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot store progress of transfer {}: {}", r.record().actionId(), e.toString());
        if (leases.lapsing(renewed, clock.instant()) && !r.control().stopping()) {
          LOG.warn("transfer {} stops here: its lease could not be renewed", r.record().actionId());
          r.control().stop();
        }
      }
    }
  }

  @Override
  public void close() {
    close(Duration.ZERO);
  }

  /**
   * Takes up no more actions, lets those running finish for up to {@code drain}, stops the rest at
   * their next chunk (their ledgers stored) and hands every action it holds back.
   */
  void close(Duration drain) {
    draining = true;
    long end = System.nanoTime() + drain.toNanos();
    while (!running.isEmpty() && System.nanoTime() < end) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    running.values().forEach(r -> r.control().stop());
    flusher.shutdownNow();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      leases.releaseAll();
    } catch (RuntimeException e) {
      LOG.warn("cannot hand back this node's transfers; they are taken after their leases: {}", e);
    }
  }
}
