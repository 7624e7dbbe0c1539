package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL, plus what only a server database can do: be unreachable. */
class PostgresStoreTest extends StoreContract {

  @Override
  TimerStore openEmptyStore() {
    TestPostgres.Database db = TestPostgres.get().newDatabase();
    return TimerStore.open(db.url(), db.user(), db.password(), 8);
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
