package org.globustimer.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A consistent copy of an SQLite timer database, made while the service may be writing to it:
 * {@code VACUUM INTO} reads one snapshot (WAL readers never block the writer) and writes it
 * compacted to a new file. The copy is checked, synced and only then given its name, so a file at
 * {@code target} is always a whole, valid database.
 */
public final class Backup {

  private Backup() {}

  /** Copies {@code database} to {@code target}, which must not exist yet; answers its size. */
  public static long copy(Path database, Path target) {
    if (!Files.isRegularFile(database)) {
      throw new StoreException("there is no timer database at " + database, null);
    }
    if (Files.exists(target)) {
      throw new StoreException(target + " exists already; name a new file for the backup", null);
    }
    Path directory = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      throw new StoreException("the directory " + directory + " does not exist", null);
    }
    Path partial = directory.resolve(target.getFileName() + ".partial");
    try {
      Files.deleteIfExists(partial);
      try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + database);
          Statement statement = source.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 10000");
        statement.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
      }
      String check = integrityOf(partial);
      if (!check.equals("ok")) {
        throw new StoreException("the copy failed its integrity check: " + check, null);
      }
      try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        file.force(true);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return Files.size(target);
    } catch (SQLException e) {
      throw new StoreException("could not copy the timer database: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StoreException("could not write the backup " + target + ": " + e, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // only a leftover of a failed copy
      }
    }
  }

  /** {@code PRAGMA integrity_check} of a database file: "ok", or what is wrong. */
  public static String integrityOf(Path database) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
      StringBuilder found = new StringBuilder();
      while (rs.next()) {
        found.append(found.isEmpty() ? "" : "; ").append(rs.getString(1));
      }
      return found.toString();
    }
  }
}
