package org.globustimer.server.metrics;

import java.time.Duration;
import java.util.Map;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;

/**
 * Counts read from the store for gauges, at most once per {@link #FRESH_FOR} however often they are
 * scraped; NaN while the store cannot be read, so a dashboard shows a gap rather than a zero.
 */
final class StoreFigures {

  private static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Snapshot(long readAtNanos, Map<TimerStatus, Long> byStatus, long inProgress) {}

  private final TimerStore store;
  private volatile Snapshot snapshot;

  StoreFigures(TimerStore store) {
    this.store = store;
  }

  double timersWith(TimerStatus status) {
    Snapshot s = fresh();
    return s == null ? Double.NaN : s.byStatus().getOrDefault(status, 0L);
  }

  double runsInProgress() {
    Snapshot s = fresh();
    return s == null ? Double.NaN : s.inProgress();
  }

  private synchronized Snapshot fresh() {
    Snapshot known = snapshot;
    long now = System.nanoTime();
    if (known != null && now - known.readAtNanos() < FRESH_FOR.toNanos()) {
      return known;
    }
    try {
      Snapshot read =
          store.read(tx -> new Snapshot(now, tx.countTimersByStatus(), tx.countRunsInProgress()));
      snapshot = read;
      return read;
    } catch (StoreException e) {
      snapshot = null;
      return null;
    }
  }
}
