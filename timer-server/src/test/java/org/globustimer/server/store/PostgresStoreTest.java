package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL, plus what only a server database can do: be unreachable. */
class PostgresStoreTest extends StoreContract {

  private TestPostgres.Database db;

  @Override
  TimerStore openEmptyStore() {
    db = TestPostgres.get().newDatabase();
    return TimerStore.open(db.url(), db.user(), db.password(), 8);
  }

  @Test
  void workUnderOneNameWaitsForTheOtherNodeToFinishItsOwn() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TimerStore otherNode = TimerStore.open(db.url(), db.user(), db.password(), 4);
        ExecutorService threads = Executors.newFixedThreadPool(2)) {
      CompletableFuture<Void> first =
          CompletableFuture.runAsync(
              () ->
                  store.exclusively(
                      "renewal",
                      () -> {
                        holding.countDown();
                        await(release);
                        return null;
                      }),
              threads);
      await(holding);
      AtomicBoolean secondRan = new AtomicBoolean();
      CompletableFuture<Void> second =
          CompletableFuture.runAsync(
              () -> otherNode.exclusively("renewal", () -> secondRan.getAndSet(true)), threads);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitingAdvisoryLocks() == 1);
      assertThat(secondRan).isFalse();
      // Another name is not held up.
      assertThat(otherNode.exclusively("something else", () -> "ran")).isEqualTo("ran");

      release.countDown();
      first.get(20, TimeUnit.SECONDS);
      second.get(20, TimeUnit.SECONDS);
      assertThat(secondRan).isTrue();
    }
  }

  private long waitingAdvisoryLocks() {
    return store.read(
        tx ->
            tx.query(
                    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                    rs -> rs.getLong(1))
                .getFirst());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUnreachableDatabaseIsReportedAsUnavailable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/nothing";
    assertThatThrownBy(() -> TimerStore.open(url, "u", "p", 2))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.isUnavailable()).as(e.toString()).isTrue());
  }
}
