package org.globustimer.server.upgrade;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.globustimer.server.config.Settings;
import org.globustimer.server.store.Backup;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.globustimer.transfer.db.Migrations;

/**
 * What the service does with its database before the store and the transfer provider migrate it:
 * reads both migration histories against this release's migrations and lets {@link UpgradeGuard}
 * refuse a downgrade or back up before an upgrade.
 */
public final class SchemaUpgrade {

  private SchemaUpgrade() {}

  /** Answers the backup made before an upgrade, if one was. */
  public static Optional<Path> prepare(Settings settings, Clock clock) {
    String url = settings.databaseUrl();
    Path sqlite = TimerStore.sqlitePath(url);
    if (sqlite != null && !java.nio.file.Files.exists(sqlite)) {
      return Optional.empty(); // a new home: nothing to upgrade
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(settings.databaseUser());
    config.setPassword(settings.databasePassword());
    // Flyway holds one connection for its lock while it reads the history through another.
    config.setMaximumPoolSize(3);
    config.setPoolName("schema-check");
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      List<SchemaState> histories =
          List.of(
              SchemaState.of("timers", TimerStore.migrations(dataSource, url)),
              SchemaState.of("transfers", Migrations.flyway(dataSource)));
      return new UpgradeGuard(settings.home().resolve("backups"), clock)
          .prepare(histories, snapshot(url, dataSource));
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("could not read the database at " + url, e);
    }
  }

  /**
   * A consistent copy of the SQLite database ({@code VACUUM INTO}: one snapshot, compacted,
   * checked). None for PostgreSQL, which has its own tools.
   */
  private static Optional<UpgradeGuard.Snapshot> snapshot(String url, HikariDataSource dataSource) {
    Path sqlite = TimerStore.sqlitePath(url);
    if (sqlite == null) {
      return Optional.empty();
    }
    return Optional.of(new UpgradeGuard.Snapshot(".db", target -> Backup.copy(sqlite, target)));
  }
}
