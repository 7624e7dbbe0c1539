package org.globustimer.transfer.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.globustimer.transfer.TransferException;

/**
 * Runs this module's own migrations with its own history table, so they live beside the server's in
 * the same schema without either seeing the other's history.
 */
public final class Migrations {

  private Migrations() {}

  public static void migrate(DataSource dataSource) {
    flyway(dataSource).migrate();
  }

  /** This module's migrations, to inspect a database before {@link #migrate}. */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/transfer/" + dialect(dataSource))
        .table("transfer_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }

  static String dialect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return "postgresql";
      }
      if (product.contains("sqlite")) {
        return "sqlite";
      }
      throw new TransferException(
          "UNSUPPORTED_DATABASE", 500, "unsupported database for transfers: " + product);
    } catch (SQLException e) {
      throw TransferException.internal("cannot reach the database: " + e.getMessage(), e);
    }
  }
}
