package org.globustimer.server.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.server.config.Settings;
import org.globustimer.server.config.SettingsLoader;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.TestService;
import org.globustimer.transfer.db.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home written by another release: migrated after a kept backup, or refused if newer. */
class SchemaUpgradeTest {

  @TempDir Path home;

  @Test
  void aHomeOfAnOlderReleaseIsBackedUpThenMigrated() throws Exception {
    olderRelease();

    try (TestService service = TestService.start(home)) {
      assertThat(new Api(service.url(), null).get("/health").status()).isEqualTo(200);
    }

    List<Path> backups = backups();
    assertThat(backups).hasSize(1);
    assertThat(backups.getFirst().getFileName().toString())
        .startsWith("timers-")
        .contains("-before-" + BuildInfo.current().version());
    assertThat(Files.size(backups.getFirst())).isPositive();
    assertThat(BackupContents.timerSchemaVersion(backups.getFirst())).isEqualTo("1");
    assertThat(latestTimerSchema()).isNotEqualTo("1");
  }

  @Test
  void aHomeThisReleaseWroteStartsWithoutAnotherBackup() {
    TestService.start(home).close();
    TestService.start(home).close();
    assertThat(home.resolve("backups")).doesNotExist();
  }

  @Test
  void aHomeOfANewerReleaseIsRefusedAndLeftAsItIs() throws Exception {
    TestService.start(home).close();
    String before = latestTimerSchema();
    newerRelease();

    assertThatThrownBy(() -> TestService.start(home))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("written by a newer globus-timer release")
        .hasMessageContaining("timers V999")
        .hasMessageContaining("knows up to V" + before)
        .hasMessageContaining("Downgrading is not supported");
    assertThat(latestTimerSchema()).isEqualTo("999");
    assertThat(home.resolve("backups")).doesNotExist();
  }

  /** The database as a release with only the first migrations left it. */
  private void olderRelease() {
    try (HikariDataSource db = dataSource()) {
      Flyway timers = TimerStore.migrations(db, settings().databaseUrl());
      Flyway.configure().configuration(timers.getConfiguration()).target("1").load().migrate();
      Flyway transfers = Migrations.flyway(db);
      Flyway.configure().configuration(transfers.getConfiguration()).target("1").load().migrate();
    }
  }

  /** What a newer release's migration leaves in the history: a version this one lacks. */
  private void newerRelease() throws SQLException {
    try (HikariDataSource db = dataSource();
        Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO \"timer_schema_history\" (\"installed_rank\", \"version\", \"description\","
              + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
              + " \"success\") VALUES (99, '999', 'from a newer release', 'SQL',"
              + " 'V999__from_a_newer_release.sql', 0, 'test', 1, TRUE)");
    }
  }

  private String latestTimerSchema() throws SQLException {
    try (HikariDataSource db = dataSource();
        Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"version\" FROM \"timer_schema_history\""
                    + " ORDER BY \"installed_rank\" DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private List<Path> backups() throws IOException {
    try (Stream<Path> files = Files.list(home.resolve("backups"))) {
      return files.toList();
    }
  }

  private Settings settings() {
    return SettingsLoader.load(new String[] {"--home", home.toString()}, Map.of());
  }

  private HikariDataSource dataSource() {
    try {
      Files.createDirectories(home.resolve("db"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HikariDataSource db = new HikariDataSource();
    db.setJdbcUrl(settings().databaseUrl());
    db.setMaximumPoolSize(3);
    return db;
  }
}
