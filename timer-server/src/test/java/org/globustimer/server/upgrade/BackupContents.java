package org.globustimer.server.upgrade;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads a backup file as a database of its own, to see which schema it holds. */
final class BackupContents {

  private BackupContents() {}

  static String timerSchemaVersion(Path backup) throws SQLException {
    String url = "jdbc:sqlite:" + backup.toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"version\" FROM \"timer_schema_history\""
                    + " ORDER BY \"installed_rank\" DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
