package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while the service writes is a whole database holding what was acknowledged. */
class BackupTest {

  @TempDir Path home;
  @TempDir Path backups;

  @Test
  void aBackupTakenUnderWritesHoldsEveryTimerAcknowledgedBeforeIt() throws Exception {
    try (TestService service = TestService.start(home)) {
      Api api = new Api(service.url(), service.token());
      AtomicInteger acknowledged = new AtomicInteger();
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (writing.get()) {
                      if (api.post("/jobs", body()).status() == 201) {
                        acknowledged.incrementAndGet();
                      }
                    }
                  });
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 50);
      int before = acknowledged.get();
      Path copy = backups.resolve("timers-copy.db");
      long size = Backup.copy(service.service().store().sqliteFile(), copy);
      writing.set(false);
      writer.join();

      assertThat(size).isEqualTo(Files.size(copy));
      assertThat(Backup.integrityOf(copy)).isEqualTo("ok");
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
          ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM timers")) {
        rs.next();
        assertThat(rs.getInt(1)).isBetween(before, acknowledged.get() + 1);
      }
      assertThat(backups.resolve("timers-copy.db.partial")).doesNotExist();
      assertThatThrownBy(() -> Backup.copy(service.service().store().sqliteFile(), copy))
          .hasMessageContaining("exists already");
    }
  }

  private static String body() {
    return "{\"name\": \"b\", \"start\": \""
        + Instant.now().plusSeconds(3600)
        + "\", \"interval\": 600, \"callback_url\": \"https://example.org/run\","
        + " \"callback_body\": {\"body\": {}}}";
  }
}
