package org.globustimer.transfer.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite databases for the transfer provider running on its own: WAL with synced commits (an
 * acknowledged action survives a power loss), a busy timeout for concurrent writers, foreign keys.
 *
 * <p>Connections are pooled, and one stays open while the pool does. Opened per query, each would
 * set its pragmas again, and each closing of the last open connection copies the write-ahead log
 * into the database, syncs it and deletes the log: a task paid that a dozen times as it started and
 * ended, each time behind whatever the disk had to write first.
 */
public final class SqliteFiles {

  private static final int BUSY_TIMEOUT_MS = 10_000;
  private static final int CONNECTIONS = 8;

  private SqliteFiles() {}

  /** The caller closes the pool when done with the database. */
  public static HikariDataSource open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(source);
    pool.setPoolName("transfer-db");
    pool.setMaximumPoolSize(CONNECTIONS);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(BUSY_TIMEOUT_MS);
    return new HikariDataSource(pool);
  }
}
