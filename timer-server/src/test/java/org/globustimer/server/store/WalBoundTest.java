package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.globustimer.core.timer.TimerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite log stays bounded while writes never pause and readers keep holding snapshots: a
 * checkpoint running beside such a writer never catches up with it, so the log restarts only
 * because the writer connection finishes each round between its commits.
 */
class WalBoundTest {

  private static final WalCheckpointer.Bounds SMALL =
      new WalCheckpointer.Bounds(64, Duration.ofMillis(10), Duration.ofMillis(20));

  @TempDir Path dir;

  @Test
  void theLogRestartsAgainAndAgainUnderContinuousWritesAndReads() throws Exception {
    Path file = dir.resolve("timers.db");
    AtomicBoolean going = new AtomicBoolean(true);
    AtomicLong inserts = new AtomicLong();
    AtomicLong reads = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    try (TimerStore store = TimerStore.openSqlite("jdbc:sqlite:" + file, 4, SMALL)) {
      for (int i = 0; i < 8; i++) {
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      while (going.get()) {
                        store.inDurableTransaction(
                            tx -> {
                              tx.insertTimer(StoreContractBase.timer(Instant.now()));
                              return null;
                            });
                        inserts.incrementAndGet();
                      }
                    }));
      }
      TimerRow known = StoreContractBase.timer(Instant.now());
      store.inDurableTransaction(
          tx -> {
            tx.insertTimer(known);
            return null;
          });
      // short reads back to back, as the engine's and the API's are: one of them always holds a
      // snapshot
      for (int i = 0; i < 3; i++) {
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      while (going.get()) {
                        store.read(tx -> tx.findTimer(known.id()));
                        reads.incrementAndGet();
                      }
                    }));
      }
      WalCheckpointer wal = store.checkpointer();
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .untilAsserted(
                () ->
                    assertThat(walHeaderRestarts(file))
                        .as(
                            "restarts of the log after %d inserts and %d reads; tails: %d complete,"
                                + " %d incomplete; log at most %d frames",
                            inserts.get(),
                            reads.get(),
                            wal.completeTails(),
                            wal.incompleteTails(),
                            wal.maxLogFrames())
                        .isGreaterThanOrEqualTo(10));
        await().atMost(Duration.ofMinutes(2)).until(() -> inserts.get() >= 4_000);
        // Sampled while writes go on: had the log never restarted, it would hold every insert so
        // far, each at least five pages of its 20 kB body.
        long logBytes = Files.size(Path.of(file + "-wal"));
        assertThat(logBytes).isLessThan(inserts.get() * 5 * 4096 / 4);
        assertThat(reads.get()).isPositive();
      } finally {
        going.set(false);
        for (Thread thread : threads) {
          thread.join();
        }
      }
    }
  }

  /** The checkpoint sequence number in the log's header, which each restart of the log raises. */
  private static long walHeaderRestarts(Path database) throws Exception {
    byte[] header = new byte[32];
    try (var in = Files.newInputStream(Path.of(database + "-wal"))) {
      if (in.readNBytes(header, 0, 32) < 32) {
        return 0;
      }
    }
    return java.nio.ByteBuffer.wrap(header, 12, 4).getInt() & 0xffffffffL;
  }
}
