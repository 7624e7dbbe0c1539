package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;
import org.junit.jupiter.api.Test;

/**
 * What every database under the store must do the same way; one thin subclass per database opens a
 * fresh, empty store.
 */
abstract class StoreContract extends StoreContractBase {

  @Test
  void keepsEveryFieldOfATimerAsWritten() {
    TimerRow row = insert(T0);
    assertThat(store.<Optional<TimerRow>>inTransaction(tx -> tx.findTimer(row.id()))).contains(row);
    assertThat(
            store.<Optional<TimerRow>>inTransaction(tx -> tx.findTimer("someone-else", row.id())))
        .isEmpty();
    List<TimerRow> listed =
        store.inTransaction(
            tx ->
                tx.listTimers(
                    "owner-a",
                    new TimerQuery(Set.of(TimerStatus.NEW), "ÜNÏ", null, null, true, 10)));
    assertThat(listed).containsExactly(row);
  }

  @Test
  void claimsOnlyDueTimersWithAFreeLeaseAndBumpsTheirVersion() {
    TimerRow due = insert(T0);
    TimerRow later = insert(T0.plusSeconds(60));
    List<TimerRow> claimed = claim("node-a", T0, 100);
    assertThat(claimed).extracting(TimerRow::id).containsExactly(due.id());
    TimerState s = claimed.getFirst().state();
    assertThat(s.claimedBy()).isEqualTo("node-a");
    assertThat(s.leaseUntil()).isEqualTo(T0.plusSeconds(30));
    assertThat(s.version()).isEqualTo(1);
    assertThat(
            store
                .<Optional<TimerRow>>inTransaction(tx -> tx.findTimer(due.id()))
                .orElseThrow()
                .state())
        .isEqualTo(s);
    assertThat(claim("node-b", T0.plusSeconds(29), 100)).isEmpty();
    assertThat(later.state().claimedBy()).isNull();
  }

  @Test
  void anExpiredLeaseIsTakenOverByAnotherNode() {
    TimerRow row = insert(T0);
    claim("node-a", T0, 100);
    List<TimerRow> taken = claim("node-b", T0.plusSeconds(31), 100);
    assertThat(taken).extracting(TimerRow::id).containsExactly(row.id());
    assertThat(taken.getFirst().state().claimedBy()).isEqualTo("node-b");
    assertThat(taken.getFirst().state().version()).isEqualTo(2);
  }

  @Test
  void expiredAndFreeTimersAreClaimedTogetherEarliestDueFirstUpToTheLimit() {
    TimerRow first = insert(T0);
    TimerRow second = insert(T0.plusSeconds(1));
    insert(T0.plusSeconds(2));
    assertThat(claim("node-a", T0, 1)).extracting(TimerRow::id).containsExactly(first.id());
    List<TimerRow> taken = claim("node-b", T0.plusSeconds(31), 2);
    assertThat(taken).extracting(TimerRow::id).containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(taken).allSatisfy(t -> assertThat(t.state().claimedBy()).isEqualTo("node-b"));
  }

  @Test
  void aWriteWithAStaleVersionChangesNothing() {
    TimerRow row = insert(T0);
    claim("node-a", T0, 100);
    TimerState stale = row.state().toBuilder().released().build();
    assertThat(store.<Boolean>inTransaction(tx -> tx.updateState(row.id(), 0, stale))).isFalse();
    assertThat(
            store
                .<Optional<TimerRow>>inTransaction(tx -> tx.findTimer(row.id()))
                .orElseThrow()
                .state()
                .claimedBy())
        .isEqualTo("node-a");
  }

  @Test
  void concurrentClaimersTakeDisjointSetsAndTogetherAll() throws Exception {
    int timers = 600;
    store.inTransaction(
        tx -> {
          for (int i = 0; i < timers; i++) {
            tx.insertTimer(timer(T0.minusMillis(i)));
          }
          return null;
        });
    List<String> claims = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> nodes = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String node = "node-" + n;
        nodes.add(
            pool.submit(
                () -> {
                  List<TimerRow> batch;
                  do {
                    batch = claim(node, T0, 25);
                    batch.forEach(t -> claims.add(t.id() + "@" + t.state().claimedBy()));
                  } while (!batch.isEmpty());
                }));
      }
      for (Future<?> node : nodes) {
        node.get();
      }
    }
    Set<String> ids = new HashSet<>();
    for (String claim : claims) {
      assertThat(ids.add(claim.substring(0, 36))).as("claimed twice: %s", claim).isTrue();
    }
    assertThat(ids).hasSize(timers);
    List<NodeRow> none = store.inTransaction(tx -> tx.nodes().list());
    assertThat(none).isEmpty();
  }

  @Test
  void aRunIsRecordedOncePerSlotWhoeverInsertsIt() {
    TimerRow row = insert(T0);
    RunRow run = RunRow.submitting(row.id(), 7, T0, "req-7", T0, T0.plusSeconds(30));
    assertThat(store.<Boolean>inTransaction(tx -> tx.insertRun(run))).isTrue();
    assertThat(store.<Boolean>inTransaction(tx -> tx.insertRun(run))).isFalse();
    RunRow answered =
        run.submitted(RunState.ACTIVE, 202, "action-1", "{}", null, T0, T0.plusSeconds(1));
    store.inTransaction(
        tx -> {
          tx.updateRun(answered);
          return null;
        });
    assertThat(store.<Optional<RunRow>>inTransaction(tx -> tx.findRun(row.id(), 7)))
        .contains(answered);
  }

  @Test
  void runsToCheckAreLeasedToOneNodeAtATime() {
    TimerRow row = insert(T0);
    RunRow run =
        RunRow.submitting(row.id(), 1, T0, "req-1", T0, null)
            .submitted(RunState.ACTIVE, 202, "action-1", "{}", null, T0, T0);
    store.inTransaction(
        tx -> {
          tx.insertRun(run);
          tx.updateRun(run);
          return null;
        });
    Instant lease = T0.plusSeconds(30);
    assertThat(
            store.<List<RunRow>>inTransaction(
                tx -> tx.claimRunsToCheck(T0, T0.plusSeconds(2), lease, 10)))
        .extracting(RunRow::slot)
        .containsExactly(1L);
    assertThat(
            store.<List<RunRow>>inTransaction(
                tx -> tx.claimRunsToCheck(T0, T0.plusSeconds(2), lease, 10)))
        .isEmpty();
    assertThat(
            store.<List<RunRow>>inTransaction(
                tx -> tx.claimRunsToCheck(lease.plusMillis(1), lease, lease.plusSeconds(30), 10)))
        .hasSize(1);
  }

  @Test
  void nodesReportTheirHeartbeatAndClaimsAndGiveThemBack() {
    insert(T0);
    insert(T0);
    store.inTransaction(
        tx -> {
          tx.nodes().heartbeat("node-a", "http://a", T0, T0);
          tx.nodes().heartbeat("node-b", "http://b", T0, T0);
          tx.nodes().heartbeat("node-a", "http://a", T0, T0.plusSeconds(5));
          return null;
        });
    claim("node-a", T0, 100);
    assertThat(store.<List<NodeRow>>inTransaction(tx -> tx.nodes().list()))
        .containsExactly(
            new NodeRow("node-a", "http://a", T0, T0.plusSeconds(5), 2),
            new NodeRow("node-b", "http://b", T0, T0, 0));
    store.inTransaction(
        tx -> {
          tx.nodes().releaseClaims("node-a");
          tx.nodes().remove("node-a");
          return null;
        });
    assertThat(store.<List<NodeRow>>inTransaction(tx -> tx.nodes().list()))
        .extracting(NodeRow::nodeId)
        .containsExactly("node-b");
    assertThat(claim("node-b", T0, 100)).hasSize(2);
  }

  @Test
  void nodesSilentForLongAreForgotten() {
    store.inTransaction(
        tx -> {
          tx.nodes().heartbeat("killed", "http://k", T0, T0);
          tx.nodes().heartbeat("alive", "http://a", T0, T0.plusSeconds(600));
          return tx.nodes().forgetSilentSince(T0.plusSeconds(60));
        });
    assertThat(store.<List<NodeRow>>inTransaction(tx -> tx.nodes().list()))
        .extracting(NodeRow::nodeId)
        .containsExactly("alive");
  }

  @Test
  void oldResultsAreRemovedButEachTimerKeepsItsNewest() {
    TimerRow row = insert(T0);
    store.inTransaction(
        tx -> {
          for (int slot = 0; slot < 15; slot++) {
            RunRow run = RunRow.submitting(row.id(), slot, T0, "r" + slot, T0, null);
            tx.insertRun(run);
            tx.updateRun(run.submitted(RunState.SUCCEEDED, 200, "a", "{}", null, T0, null));
          }
          return null;
        });
    assertThat(store.<Integer>inTransaction(tx -> tx.deleteRunsEndedBefore(T0.plusSeconds(1), 10)))
        .isEqualTo(5);
    assertThat(store.<List<RunRow>>inTransaction(tx -> tx.runs(row.id(), null, 100)))
        .extracting(RunRow::slot)
        .containsExactly(14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L);
  }

  @Test
  void localTokensAreSharedByEveryoneOnTheDatabase() {
    store.inTransaction(
        tx -> {
          tx.localTokens().insert("hash-1", "urn:me", "me@localhost", T0);
          return null;
        });
    Optional<String[]> found = store.inTransaction(tx -> tx.localTokens().find("hash-1"));
    assertThat(found)
        .hasValueSatisfying(f -> assertThat(f).containsExactly("urn:me", "me@localhost"));
    assertThat(store.<Optional<String[]>>inTransaction(tx -> tx.localTokens().find("hash-2")))
        .isEmpty();
  }

  @Test
  void providerCredentialsArePutReplacedListedPerOwnerAndDeleted() {
    CredentialRow first = new CredentialRow("urn:a", "lab", "sealed-r1", "sealed-a1", T0, T0);
    CredentialRow replaced =
        new CredentialRow("urn:a", "lab", "sealed-r2", null, null, T0.plusSeconds(5));
    store.inTransaction(
        tx -> {
          tx.credentials().put(first);
          tx.credentials().put(new CredentialRow("urn:b", "lab", null, "x".repeat(4_000), T0, T0));
          tx.credentials().put(replaced);
          return null;
        });
    assertThat(
            store.<Optional<CredentialRow>>inTransaction(
                tx -> tx.credentials().find("urn:a", "lab")))
        .contains(replaced);
    assertThat(
            store.<Optional<CredentialRow>>inTransaction(
                tx -> tx.credentials().lock("urn:a", "lab")))
        .contains(replaced);
    assertThat(store.<List<CredentialRow>>inTransaction(tx -> tx.credentials().ownedBy("urn:a")))
        .containsExactly(replaced);
    assertThat(store.<Boolean>inTransaction(tx -> tx.credentials().delete("urn:a", "lab")))
        .isTrue();
    assertThat(store.<Boolean>inTransaction(tx -> tx.credentials().delete("urn:a", "lab")))
        .isFalse();
    assertThat(
            store.<Optional<CredentialRow>>inTransaction(
                tx -> tx.credentials().find("urn:a", "lab")))
        .isEmpty();
    assertThat(store.<List<CredentialRow>>inTransaction(tx -> tx.credentials().ownedBy("urn:b")))
        .hasSize(1);
  }

  @Test
  void aPeriodicJobIsClaimedByOneNodeAtATimeTakenOverAfterItsLeaseAndDueAgainWhenDone()
      throws Exception {
    java.time.Duration lease = java.time.Duration.ofSeconds(30);
    List<Future<Boolean>> tries = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        String node = "node-" + i;
        tries.add(
            pool.submit(
                () ->
                    store.inTransaction(tx -> tx.jobs().claim("sweep", node, T0, T0.plus(lease)))));
      }
    }
    int won = 0;
    for (Future<Boolean> t : tries) {
      won += t.get() ? 1 : 0;
    }
    assertThat(won).as("nodes that won the job").isEqualTo(1);
    // its winner died in the job: nobody takes it within the lease, someone after it
    assertThat(claimJob("node-x", T0.plus(lease).minusSeconds(1))).isFalse();
    assertThat(claimJob("node-x", T0.plus(lease).plusSeconds(1))).isTrue();
    Instant next = T0.plusSeconds(3_600);
    assertThat(store.<Boolean>inTransaction(tx -> tx.jobs().done("sweep", "node-x", next)))
        .isTrue();
    assertThat(claimJob("node-y", next.minusSeconds(1))).as("not due yet").isFalse();
    assertThat(claimJob("node-y", next)).isTrue();
    store.inTransaction(
        tx -> {
          tx.nodes().releaseClaims("node-y");
          return null;
        });
    assertThat(claimJob("node-z", next.plusSeconds(1))).as("released as node-y stopped").isTrue();
  }

  private boolean claimJob(String node, Instant now) {
    return store.inTransaction(tx -> tx.jobs().claim("sweep", node, now, now.plusSeconds(30)));
  }
}
