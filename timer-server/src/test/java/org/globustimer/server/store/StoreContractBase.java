package org.globustimer.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.globustimer.core.timer.ResumePolicy;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.core.timer.TimerType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store each contract test starts with, and the rows they write. */
abstract class StoreContractBase {

  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  TimerStore store;

  abstract TimerStore openEmptyStore();

  @BeforeEach
  void open() {
    store = openEmptyStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static TimerRow timer(Instant dueAt) {
    TimerDefinition definition =
        new TimerDefinition(
            "backup ünïcode " + "x".repeat(300),
            TimerType.TRANSFER,
            2,
            T0,
            Duration.ofSeconds(60),
            null,
            5,
            "https://provider.example/run",
            "{\"body\": {\"n\": 1}}",
            "scope",
            "{\"big\": \"" + "y".repeat(20_000) + "\"}",
            null,
            ResumePolicy.RUN_ONCE);
    TimerState state =
        new TimerState(
            TimerStatus.NEW,
            null,
            null,
            dueAt.toEpochMilli(),
            dueAt,
            null,
            null,
            dueAt,
            0,
            0,
            0,
            null,
            null,
            null,
            0);
    return new TimerRow(UUID.randomUUID(), "owner-a", T0, definition, state);
  }

  TimerRow insert(Instant dueAt) {
    TimerRow row = timer(dueAt);
    store.inTransaction(
        tx -> {
          tx.insertTimer(row);
          return null;
        });
    return row;
  }

  List<TimerRow> claim(String node, Instant now, int limit) {
    return store.inTransaction(
        tx -> tx.claimDue(node, now, now.plusSeconds(2), now.plusSeconds(30), limit));
  }
}
