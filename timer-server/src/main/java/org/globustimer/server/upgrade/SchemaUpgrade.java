package org.globustimer.server.upgrade;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.globustimer.server.config.Settings;
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
   * A consistent copy of an embedded database, taken through the database itself while nothing else
   * has it open: {@code BACKUP TO} for H2, {@code VACUUM INTO} (one snapshot, compacted) for
   * SQLite. None for PostgreSQL, which has its own tools.
   */
  private static Optional<UpgradeGuard.Snapshot> snapshot(String url, HikariDataSource dataSource) {
    if (url.startsWith("jdbc:h2:")) {
      return Optional.of(new UpgradeGuard.Snapshot(".zip", copyWith(dataSource, "BACKUP TO")));
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return Optional.of(new UpgradeGuard.Snapshot(".db", copyWith(dataSource, "VACUUM INTO")));
    }
    return Optional.empty();
  }

  private static java.util.function.Consumer<Path> copyWith(
      HikariDataSource dataSource, String statementStart) {
    return target -> {
      try (Connection c = dataSource.getConnection();
          Statement statement = c.createStatement()) {
        statement.execute(statementStart + " '" + target.toString().replace("'", "''") + "'");
      } catch (SQLException e) {
        throw new StoreException("could not back up the database to " + target, e);
      }
    };
  }
}
