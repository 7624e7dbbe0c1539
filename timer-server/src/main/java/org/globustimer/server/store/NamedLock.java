package org.globustimer.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Work that one process of all those sharing the database does at a time, without a transaction
 * open while it runs (it may wait on the network). On SQLite only one process uses the file, so the
 * caller's own lock is enough; on PostgreSQL a session-level advisory lock, which the server also
 * releases when a node dies holding it.
 */
final class NamedLock {

  private NamedLock() {}

  static <T> T run(DataSource pool, Dialect dialect, String name, Supplier<T> work) {
    return switch (dialect) {
      case Dialect.Sqlite sqlite -> work.get();
      case Dialect.PostgreSql postgres -> advisory(pool, name, work);
    };
  }

  private static <T> T advisory(DataSource pool, String name, Supplier<T> work) {
    try (Connection connection = pool.getConnection()) {
      call(connection, "SELECT pg_advisory_lock(hashtextextended(?, 0))", name);
      try {
        return work.get();
      } finally {
        call(connection, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", name);
      }
    } catch (SQLException e) {
      throw new StoreException("could not take the database lock '" + name + "'", e);
    }
  }

  private static void call(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, name);
      ps.executeQuery().close();
    }
  }
}
