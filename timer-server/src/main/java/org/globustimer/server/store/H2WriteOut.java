package org.globustimer.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * Writes H2's committed changes to its file now instead of at its next background write. SQL's
 * {@code CHECKPOINT} would do it too but also compacts the file, which races with queries running
 * at the same time; committing the store itself is what the background writer does.
 */
final class H2WriteOut {

  private H2WriteOut() {}

  static void now(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      session.getDatabase().getStore().getMvStore().commit();
    } catch (SQLException e) {
      throw new StoreException("could not write the change to disk", e);
    }
  }
}
