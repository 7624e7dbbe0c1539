package org.globustimer.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An SQLite database file and the connections to it. Every connection runs in WAL mode with {@code
 * synchronous=FULL}: a commit returns only after its log is synced, so an acknowledged write
 * survives a power loss (NORMAL would only survive the process dying). A busy timeout lets another
 * process's short write (a backup, the {@code sqlite3} shell) wait instead of fail, and foreign
 * keys are enforced.
 */
final class SqliteFile {

  /** File systems whose locks SQLite cannot rely on: two writers could corrupt the file. */
  private static final Set<String> NETWORK_FILE_SYSTEMS =
      Set.of(
          "nfs",
          "nfs4",
          "cifs",
          "smb",
          "smb2",
          "smb3",
          "smbfs",
          "afs",
          "9p",
          "ceph",
          "glusterfs",
          "fuse.glusterfs",
          "fuse.sshfs",
          "sshfs",
          "lustre",
          "fuse.s3fs",
          "fuse.gcsfuse",
          "davfs",
          "fuse.davfs2",
          "gpfs",
          "ncpfs");

  static final int BUSY_TIMEOUT_MS = 10_000;

  private static final int JOURNAL_SIZE_LIMIT = 128 << 20;

  private static final boolean INLINE_CHECKPOINTS =
      Boolean.getBoolean("globus.timer.sqlite.inline-checkpoints");

  private final String url;
  private final Path path;

  private SqliteFile(String url, Path path) {
    this.url = url;
    this.path = path;
  }

  /** The file named by a {@code jdbc:sqlite:} URL, its directory created, on a local disk. */
  static SqliteFile at(String jdbcUrl) {
    String name = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = name.indexOf('?');
    if (query >= 0) {
      name = name.substring(0, query);
    }
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
    }
    if (name.isBlank() || name.equals(":memory:")) {
      throw new StoreException(
          "the timer database must be a file (jdbc:sqlite:/path/to/timers.db), not " + jdbcUrl,
          null);
    }
    Path path = Path.of(name).toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the database's directory " + path.getParent(), e);
    }
    refuseNetworkFileSystem(path.getParent());
    return new SqliteFile("jdbc:sqlite:" + path, path);
  }

  static boolean isNetworkFileSystem(String type) {
    return NETWORK_FILE_SYSTEMS.contains(type.toLowerCase(Locale.ROOT));
  }

  private static void refuseNetworkFileSystem(Path directory) {
    String type;
    try {
      type = Files.getFileStore(directory).type();
    } catch (IOException e) {
      throw new StoreException("cannot inspect the file system of " + directory, e);
    }
    if (isNetworkFileSystem(type)) {
      throw new StoreException(
          directory
              + " is on a network file system ("
              + type
              + "), where SQLite's file locks are unreliable and the timer database could be"
              + " corrupted; put the service's home (GLOBUS_TIMER_HOME) on a local disk, or use"
              + " PostgreSQL (database_url = jdbc:postgresql://…)",
          null);
    }
  }

  Path path() {
    return path;
  }

  /** The one connection all writes take turns on. */
  HikariDataSource writer() {
    SQLiteConfig config = baseConfig();
    // Take the write lock when the transaction begins, so it never has to be upgraded later
    // (which fails at once, not after the busy timeout, when another process wrote meanwhile).
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    if (!INLINE_CHECKPOINTS) {
      // A commit would otherwise checkpoint the log itself every thousand pages, and every firing
      // waiting on that commit would wait for the checkpoint too: the WalCheckpointer does it.
      config.setWalAutocheckpoint(0);
    }
    // The log's file keeps its size when the log restarts; this bounds it after a long reader.
    config.setJournalSizeLimit(JOURNAL_SIZE_LIMIT);
    return pool(config, "timer-store", 1, null);
  }

  /**
   * Copies the log into the database in the background; {@code writer} finishes each round. Null
   * when commits checkpoint the log themselves, SQLite's default, kept to compare against.
   */
  WalCheckpointer checkpointer(HikariDataSource writer, WalCheckpointer.Bounds bounds) {
    if (INLINE_CHECKPOINTS) {
      return null;
    }
    try {
      return new WalCheckpointer(
          DriverManager.getConnection(url, baseConfig().toProperties()), writer, bounds);
    } catch (SQLException e) {
      throw new StoreException("cannot open the timer database " + path, e);
    }
  }

  /** A small pool of connections that may only read. */
  HikariDataSource readers(int size) {
    return pool(baseConfig(), "timer-store-readers", size, "PRAGMA query_only = 1");
  }

  private SQLiteConfig baseConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    return config;
  }

  private HikariDataSource pool(SQLiteConfig sqlite, String name, int size, String initSql) {
    SQLiteDataSource source = new SQLiteDataSource(sqlite);
    source.setUrl(url);
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(BUSY_TIMEOUT_MS);
    if (initSql != null) {
      config.setConnectionInitSql(initSql);
    }
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the timer database " + path, e);
    }
  }
}
