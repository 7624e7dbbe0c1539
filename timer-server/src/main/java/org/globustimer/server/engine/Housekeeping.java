package org.globustimer.server.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does besides firing, every few seconds: its heartbeat in {@code nodes}, and the
 * periodic {@link ServiceJob}s, each claimed in the store so that one node runs it (a node that
 * dies in one leaves it to the next once its lease ends).
 */
final class Housekeeping {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
  static final Duration EVERY = Duration.ofSeconds(5);
  private static final Duration FORGET_SILENT_NODES = Duration.ofMinutes(10);

  private final TimerStore store;
  private final Clock clock;
  private final String nodeId;
  private final String url;
  private final Duration lease;
  private final List<ServiceJob> jobs;
  private Instant last = Instant.EPOCH;

  Housekeeping(
      TimerStore store,
      Clock clock,
      String nodeId,
      String url,
      Duration lease,
      List<ServiceJob> jobs) {
    this.store = store;
    this.clock = clock;
    this.nodeId = nodeId;
    this.url = url;
    this.lease = lease;
    this.jobs = List.copyOf(jobs);
  }

  /** Removes results older than {@code retention} once an hour (each timer keeps its last 10). */
  static ServiceJob resultRetention(TimerStore store, Clock clock, Duration retention) {
    return new ServiceJob(
        "result_retention",
        Duration.ofHours(1),
        () -> {
          Instant cutoff = clock.instant().minus(retention);
          int removed = store.inTransaction(tx -> tx.deleteRunsEndedBefore(cutoff, 10));
          if (removed > 0) {
            log.info("removed {} results older than {}", removed, retention);
          }
        });
  }

  /** Beats and runs due jobs if {@link #EVERY} has passed since the last time. */
  void runIfDue(Instant startedAt) {
    Instant now = clock.instant();
    // a clock set back makes the last beat lie in the future: beat again rather than wait for it
    if (now.isBefore(last.plus(EVERY)) && !now.isBefore(last)) {
      return;
    }
    store.inTransaction(
        tx -> {
          tx.nodes().heartbeat(nodeId, url, startedAt, now);
          tx.nodes().forgetSilentSince(now.minus(FORGET_SILENT_NODES));
          return null;
        });
    last = now;
    for (ServiceJob job : jobs) {
      runIfClaimed(job);
    }
  }

  private void runIfClaimed(ServiceJob job) {
    Instant now = clock.instant();
    if (!store.inTransaction(tx -> tx.jobs().claim(job.name(), nodeId, now, now.plus(lease)))) {
      return;
    }
    try {
      job.work().run();
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("{} failed; it runs again when next due: {}", job.name(), e.toString());
    }
    Instant next = clock.instant().plus(job.every());
    store.inTransaction(tx -> tx.jobs().done(job.name(), nodeId, next));
  }
}
