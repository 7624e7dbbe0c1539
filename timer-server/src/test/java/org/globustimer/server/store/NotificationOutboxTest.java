package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox: one row per event and target, one node's claim at a time, outcomes by its holder. */
class NotificationOutboxTest {

  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir Path dir;
  TimerStore store;

  @BeforeEach
  void open() {
    store = TimerStore.open("jdbc:sqlite:" + dir.resolve("timers.db"), "", "", 4);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static NotificationRow row(UUID timer, String target) {
    return new NotificationRow(
        UUID.randomUUID(),
        timer,
        "owner",
        "failed",
        42,
        target,
        "{}",
        NotificationRow.PENDING,
        0,
        T0,
        null,
        T0,
        null);
  }

  @Test
  void theSameEventAndTargetIsQueuedOnceWhoeverQueuesItAgain() {
    UUID timer = UUID.randomUUID();
    assertThat(
            store.<Boolean>inTransaction(
                tx -> tx.notifications().enqueue(row(timer, "mailto:a@b.org"))))
        .isTrue();
    assertThat(
            store.<Boolean>inTransaction(
                tx -> tx.notifications().enqueue(row(timer, "mailto:a@b.org"))))
        .isFalse();
    assertThat(
            store.<Boolean>inTransaction(
                tx -> tx.notifications().enqueue(row(timer, "https://h/x"))))
        .isTrue();
    assertThat(store.<List<NotificationRow>>read(tx -> tx.notifications().ofTimer(timer, 10)))
        .hasSize(2);
  }

  @Test
  void aClaimedRowGoesToOneNodeUntilItsLeaseEndsAndOnlyTheHolderRecordsTheOutcome() {
    UUID timer = UUID.randomUUID();
    NotificationRow n = row(timer, "https://h/x");
    store.inTransaction(tx -> tx.notifications().enqueue(n));
    Instant lease = T0.plusSeconds(60);

    List<NotificationRow> first =
        store.inTransaction(tx -> tx.notifications().claimDue("node-a", T0, lease, 10));
    List<NotificationRow> second =
        store.inTransaction(tx -> tx.notifications().claimDue("node-b", T0, lease, 10));
    assertThat(first).extracting(NotificationRow::id).containsExactly(n.id());
    assertThat(second).isEmpty();

    // node-a went quiet past its lease: node-b takes the row over, and node-a's late outcome
    // changes nothing.
    Instant later = lease.plusSeconds(1);
    assertThat(
            store.<List<NotificationRow>>inTransaction(
                tx -> tx.notifications().claimDue("node-b", later, later.plusSeconds(60), 10)))
        .hasSize(1);
    assertThat(
            store.<Boolean>inTransaction(
                tx -> tx.notifications().delivered(n.id(), "node-a", 1, later)))
        .isFalse();
    assertThat(
            store.<Boolean>inTransaction(
                tx -> tx.notifications().retryAt(n.id(), "node-b", 1, later, "answered 500")))
        .isTrue();
    NotificationRow shown = store.read(tx -> tx.notifications().ofTimer(timer, 1)).getFirst();
    assertThat(shown.state()).isEqualTo(NotificationRow.PENDING);
    assertThat(shown.attempts()).isEqualTo(1);
    assertThat(shown.lastError()).isEqualTo("answered 500");
  }
}
