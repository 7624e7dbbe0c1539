package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void writesFromManyThreadsAtOnceEachCommitOnceAndAFailingOneFailsAlone() throws Exception {
    store.inTransaction(tx -> tx.update("CREATE TABLE written (id INT PRIMARY KEY)"));
    int writes = 400;
    List<Future<Integer>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < writes; i++) {
        // every 50th write repeats the id of the one before and fails on the primary key
        int id = i % 50 == 49 ? i - 1 : i;
        results.add(
            threads.submit(
                () -> store.writer().run(tx -> tx.update("INSERT INTO written VALUES (?)", id))));
      }
    }
    int failed = 0;
    for (Future<Integer> result : results) {
      try {
        assertThat(result.get()).isEqualTo(1);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(StoreException.class);
        failed++;
      }
    }
    assertThat(failed).isEqualTo(writes / 50);
    long rows =
        store
            .read(tx -> tx.query("SELECT COUNT(DISTINCT id) FROM written", rs -> rs.getLong(1)))
            .getFirst();
    assertThat(rows).isEqualTo(writes - writes / 50);
  }

  @Test
  void aClaimCommitsWithoutWaitingForTheFlushAndOtherTransactionsStillWait() {
    String inClaim =
        store.inTransaction(
            tx -> {
              tx.claimDue("n1", T0, T0.plusSeconds(2), T0.plusSeconds(30), 10);
              return synchronousCommit(tx);
            });
    assertThat(inClaim).isEqualTo("off");
    assertThat(store.inTransaction(PostgresStoreTest::synchronousCommit)).isEqualTo("on");
    assertThat(store.writer().run(PostgresStoreTest::synchronousCommit)).isEqualTo("on");
  }

  @Test
  void theWriterWithoutFlushCommitsSoAndTheDurableWriterStillWaits() {
    assertThat(store.writerWithoutFlush().run(PostgresStoreTest::synchronousCommit))
        .isEqualTo("off");
    assertThat(store.writer().run(PostgresStoreTest::synchronousCommit)).isEqualTo("on");
    assertThat(store.inDurableTransaction(PostgresStoreTest::synchronousCommit)).isEqualTo("on");
  }

  private static String synchronousCommit(Tx tx) {
    return tx.query("SHOW synchronous_commit", rs -> rs.getString(1)).getFirst();
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
