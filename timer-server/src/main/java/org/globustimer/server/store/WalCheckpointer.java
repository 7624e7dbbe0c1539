package org.globustimer.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps SQLite's write-ahead log short without checkpointing inside a commit (the writer connection
 * runs with {@code wal_autocheckpoint=0}). A thread of its own copies the log into the database
 * with PASSIVE checkpoints on a connection of its own, concurrently with commits. That alone never
 * lets the log start over while commits keep appending to it: it restarts only when a write begins
 * after every frame was copied. So once the log is longer than a bound, the writer connection
 * itself checkpoints the few frames left between two group commits (preferably when no commit is
 * waiting) and its next write restarts the log from its beginning.
 */
public final class WalCheckpointer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
  private static final int CLOSING_PASSES = 4;
  private static final int TAIL_WAITS_FOR_READERS_MS = 20;

  /**
   * When to checkpoint: in the background every {@code passiveEvery}; once the log holds {@code
   * restartFrames} frames, on the writer at its next idle moment, or after {@code tailWithin}
   * between any two batches.
   */
  record Bounds(long restartFrames, Duration passiveEvery, Duration tailWithin) {
    /**
     * About 32 MiB of log at 4 KiB pages: at 1,000 firings/s (some 5,000 frames a second) the log
     * restarts every second or two, and each restart costs the writer one short checkpoint.
     */
    static final Bounds DEFAULT = new Bounds(8_192, Duration.ofMillis(200), Duration.ofMillis(250));
  }

  private record Outcome(boolean busy, long logFrames, long copiedFrames) {
    boolean complete() {
      return !busy && copiedFrames >= logFrames;
    }
  }

  private final Connection own;
  private final DataSource writer;
  private final long restartFrames;
  private final long passiveEveryNanos;
  private final long tailWithinNanos;
  private final ReentrantLock checkpointing = new ReentrantLock();
  private final Durations passives = new Durations();
  private final Durations tails = new Durations();
  private final LongAdder idleTails = new LongAdder();
  private final LongAdder forcedTails = new LongAdder();
  private final LongAdder incompleteTails = new LongAdder();
  private final LongAdder completeTails = new LongAdder();
  private final LongAccumulator maxLogFrames = new LongAccumulator(Math::max, 0);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean restartWanted;
  private volatile boolean deferred;
  private volatile long wantedSinceNanos;
  private volatile long logFrames;

  /**
   * Checkpoints through {@code own} in the background and through {@code writer} between batches.
   */
  WalCheckpointer(Connection own, DataSource writer, Bounds bounds) {
    this.own = own;
    this.writer = writer;
    this.restartFrames = bounds.restartFrames();
    this.passiveEveryNanos = bounds.passiveEvery().toNanos();
    this.tailWithinNanos = bounds.tailWithin().toNanos();
    this.thread = Thread.ofPlatform().name("timer-wal-checkpointer").daemon().start(this::loop);
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(Duration.ofNanos(passiveEveryNanos));
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (restartWanted) {
          // Only writes outside the group-commit writer (none at all, or the transfer module's)
          // would leave the tail to no one.
          if (System.nanoTime() - wantedSinceNanos > 4 * tailWithinNanos) {
            tailNow(forcedTails);
          }
          continue;
        }
        long before = logFrames;
        Outcome outcome = passive();
        if (outcome.logFrames() >= restartFrames) {
          // Close in on the writer first: each pass copies what was appended during the one
          // before, so the writer is left only the frames of the last, short pass.
          for (int pass = 0;
              pass < CLOSING_PASSES && outcome.logFrames() - before > restartFrames / 32;
              pass++) {
            before = outcome.logFrames();
            outcome = passive();
          }
          wantedSinceNanos = System.nanoTime();
          restartWanted = true;
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("checkpointing the timer database's log failed: {}", e.toString());
        }
      }
    }
  }

  private Outcome passive() throws SQLException {
    checkpointing.lock();
    try {
      long started = System.nanoTime();
      Outcome outcome = checkpoint(own, "PASSIVE");
      passives.record(System.nanoTime() - started);
      return outcome;
    } finally {
      checkpointing.unlock();
    }
  }

  /**
   * Called on the writer's thread between two batches: finishes the checkpoint on the writer
   * connection when the log is over its bound and no commit waits ({@code idle}), or when it has
   * waited too long for such a moment.
   */
  void betweenBatches(boolean idle) {
    if (!restartWanted) {
      return;
    }
    // after a tail a reader held up, wait a while rather than try again after every batch
    if (System.nanoTime() - wantedSinceNanos < tailWithinNanos && (!idle || deferred)) {
      return;
    }
    try {
      tailNow(idle ? idleTails : forcedTails);
    } catch (SQLException | RuntimeException e) {
      log.warn("checkpointing the timer database's log failed: {}", e.toString());
    }
  }

  /**
   * RESTART rather than PASSIVE: it waits, briefly, for readers still using the log's frames, so
   * that the next write surely starts the log over. A reader that takes longer only defers this.
   */
  private void tailNow(LongAdder kind) throws SQLException {
    if (!checkpointing.tryLock()) {
      return;
    }
    try (Connection connection = writer.getConnection();
        Statement statement = connection.createStatement()) {
      long started = System.nanoTime();
      statement.execute("PRAGMA busy_timeout = " + TAIL_WAITS_FOR_READERS_MS);
      Outcome outcome;
      try {
        outcome = checkpoint(connection, "RESTART");
      } finally {
        statement.execute("PRAGMA busy_timeout = " + SqliteFile.BUSY_TIMEOUT_MS);
      }
      tails.record(System.nanoTime() - started);
      kind.increment();
      if (outcome.complete()) {
        restartWanted = false;
        deferred = false;
        completeTails.increment();
      } else {
        incompleteTails.increment();
        deferred = true;
        wantedSinceNanos = System.nanoTime();
      }
    } finally {
      checkpointing.unlock();
    }
  }

  private Outcome checkpoint(Connection connection, String mode) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      rs.next();
      Outcome outcome = new Outcome(rs.getInt(1) != 0, rs.getLong(2), rs.getLong(3));
      logFrames = outcome.logFrames();
      maxLogFrames.accumulate(outcome.logFrames());
      return outcome;
    }
  }

  /** Background PASSIVE checkpoints, each timed. */
  public Durations passives() {
    return passives;
  }

  /** Checkpoints of the log's last frames on the writer connection, each timed. */
  public Durations tails() {
    return tails;
  }

  /** Tails run when no commit was waiting. */
  public long idleTails() {
    return idleTails.sum();
  }

  /** Tails run while commits were waiting, because no idle moment came in time. */
  public long forcedTails() {
    return forcedTails.sum();
  }

  /** Tails that could not copy every frame because a reader still needed some. */
  public long incompleteTails() {
    return incompleteTails.sum();
  }

  /** Tails that copied every frame, after each of which the next write restarts the log. */
  public long completeTails() {
    return completeTails.sum();
  }

  /** Frames in the log at the last checkpoint, and the most seen. */
  public long logFrames() {
    return logFrames;
  }

  public long maxLogFrames() {
    return maxLogFrames.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      own.close();
    } catch (SQLException e) {
      log.debug("closing the checkpointer's connection: {}", e.toString());
    }
  }
}
