package org.globustimer.bench;

import org.globustimer.server.store.Durations;
import org.globustimer.server.store.TimerStore;
import org.globustimer.server.store.WalCheckpointer;

/**
 * What the store's writer did during the window: its commits (each firing waits for one) and, on
 * SQLite, the log's checkpoints, so that a slow second can be matched with a slow disk.
 */
final class StoreReport {

  private static final long TEN_MS = 10_000_000;

  /** The counts at one moment. */
  private record Counts(
      Durations.Snapshot commits,
      Durations.Snapshot passives,
      Durations.Snapshot tails,
      long idleTails,
      long forcedTails,
      long incompleteTails) {

    static Counts of(TimerStore store) {
      WalCheckpointer wal = store.checkpointer();
      Durations.Snapshot none = new Durations().snapshot();
      return new Counts(
          store.commitTimes().snapshot(),
          wal == null ? none : wal.passives().snapshot(),
          wal == null ? none : wal.tails().snapshot(),
          wal == null ? 0 : wal.idleTails(),
          wal == null ? 0 : wal.forcedTails(),
          wal == null ? 0 : wal.incompleteTails());
    }
  }

  private final TimerStore store;
  private final Counts from;
  private Counts to;

  private StoreReport(TimerStore store) {
    this.store = store;
    this.from = Counts.of(store);
  }

  /** Starts counting now; null (nothing to report) without a store in this JVM. */
  static StoreReport from(TimerStore store) {
    return store == null ? null : new StoreReport(store);
  }

  /** Stops counting. */
  void end() {
    to = Counts.of(store);
  }

  void print(int seconds) {
    line("commits", to.commits().minus(from.commits()), seconds);
    WalCheckpointer wal = store.checkpointer();
    if (wal == null) {
      if (store.sqliteFile() != null) {
        System.out.println("checkpoints      inside commits (SQLite's wal_autocheckpoint)");
      }
      return;
    }
    line("passive ckpts", to.passives().minus(from.passives()), seconds);
    line("tail ckpts", to.tails().minus(from.tails()), seconds);
    System.out.printf(
        "tail ckpts       %d when idle, %d while commits waited, %d incomplete;"
            + " log at most %,d frames%n",
        to.idleTails() - from.idleTails(),
        to.forcedTails() - from.forcedTails(),
        to.incompleteTails() - from.incompleteTails(),
        wal.maxLogFrames());
  }

  private static void line(String what, Durations.Snapshot window, int seconds) {
    System.out.printf(
        "%-16s %,d (%.0f/s), %,.0f ms in all, p50 %.2f ms, p99 %.2f ms, max %.1f ms, over 10 ms %d%n",
        what,
        window.count(),
        window.count() / (double) seconds,
        window.totalNanos() / 1e6,
        window.quantileNanos(0.5) / 1e6,
        window.quantileNanos(0.99) / 1e6,
        window.maxNanos() / 1e6,
        window.over(TEN_MS));
  }
}
