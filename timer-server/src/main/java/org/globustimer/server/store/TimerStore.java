package org.globustimer.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The timers database: where writes and reads go, its migrations, and transactions over it. On
 * SQLite every write goes through one connection (SQLite allows one writer at a time; taking turns
 * in the process is cheaper than waiting on the file lock) and reads through a small pool; on
 * PostgreSQL both come from one pool.
 */
public final class TimerStore implements AutoCloseable {

  private static final int UNFLUSHED_WRITERS = 2;

  private final HikariDataSource writes;
  private final HikariDataSource reads;
  private final HikariDataSource unflushed;
  private final Dialect dialect;
  private final Path sqliteFile;
  private final GroupCommit writer;
  private final GroupCommit writerWithoutFlush;
  private final WalCheckpointer checkpointer;
  private final Durations commits = new Durations();

  private TimerStore(
      HikariDataSource writes,
      HikariDataSource reads,
      HikariDataSource unflushed,
      Dialect dialect,
      Path sqliteFile,
      WalCheckpointer checkpointer) {
    this.writes = writes;
    this.reads = reads;
    this.unflushed = unflushed;
    this.dialect = dialect;
    this.sqliteFile = sqliteFile;
    this.checkpointer = checkpointer;
    // SQLite has one writer connection; on PostgreSQL a second writer commits while one waits for
    // its sync.
    this.writer = new GroupCommit(this, sqliteFile != null ? 1 : 2);
    // SQLite's one writer connection takes every write; a server database gives the writes that
    // need no flush writers and connections of their own, so they never queue behind another
    // write's flush and need no statement per transaction to skip it.
    this.writerWithoutFlush =
        unflushed == null
            ? writer
            : new GroupCommit(
                this,
                this::inTransactionWithoutFlush,
                UNFLUSHED_WRITERS,
                "timer-unflushed-writer-");
  }

  /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
  public static TimerStore open(String jdbcUrl, String user, String password, int poolSize) {
    Dialect dialect = Dialect.forUrl(jdbcUrl);
    if (dialect instanceof Dialect.Sqlite) {
      return openSqlite(jdbcUrl, poolSize, WalCheckpointer.Bounds.DEFAULT);
    }
    HikariDataSource pool = pool(jdbcUrl, user, password, poolSize, "timer-store", "");
    HikariDataSource unflushed = null;
    try {
      migrate(pool, dialect, jdbcUrl);
      unflushed =
          pool(
              jdbcUrl,
              user,
              password,
              UNFLUSHED_WRITERS,
              "timer-store-unflushed",
              " -c synchronous_commit=off");
      return new TimerStore(pool, pool, unflushed, dialect, null, null);
    } catch (RuntimeException e) {
      pool.close();
      if (unflushed != null) {
        unflushed.close();
      }
      throw e;
    }
  }

  private static HikariDataSource pool(
      String jdbcUrl, String user, String password, int size, String name, String options) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setPoolName(name);
    config.setConnectionTimeout(3_000);
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("options", "-c statement_timeout=15000" + options);
    return new HikariDataSource(config);
  }

  static TimerStore openSqlite(String jdbcUrl, int poolSize, WalCheckpointer.Bounds bounds) {
    Dialect dialect = Dialect.forUrl(jdbcUrl);
    SqliteFile file = SqliteFile.at(jdbcUrl);
    HikariDataSource writes = file.writer();
    HikariDataSource reads = null;
    try {
      migrate(writes, dialect, jdbcUrl);
      reads = file.readers(Math.min(poolSize, 4));
      return new TimerStore(
          writes, reads, null, dialect, file.path(), file.checkpointer(writes, bounds));
    } catch (RuntimeException e) {
      writes.close();
      if (reads != null) {
        reads.close();
      }
      throw e;
    }
  }

  private static void migrate(DataSource dataSource, Dialect dialect, String jdbcUrl) {
    try {
      migrations(dataSource, jdbcUrl).migrate();
    } catch (RuntimeException e) {
      throw new StoreException("could not prepare the database at " + jdbcUrl, e);
    }
  }

  /** The file of a {@code jdbc:sqlite:} URL, or null for another database. */
  public static Path sqlitePath(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
      return null;
    }
    String name = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
    return Path.of(name.startsWith("file:") ? name.substring("file:".length()) : name)
        .toAbsolutePath();
  }

  /** This release's migrations of the timer tables, to inspect a database before {@link #open}. */
  public static Flyway migrations(DataSource dataSource, String jdbcUrl) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(Dialect.forUrl(jdbcUrl).migrationsLocation())
        .table("timer_schema_history")
        .load();
  }

  /** Where other modules sharing the database write (and read what they have just written). */
  public DataSource dataSource() {
    return writes;
  }

  /** Where reads go: on SQLite a pool that never waits for the writer. */
  public DataSource readDataSource() {
    return reads;
  }

  /** The SQLite file, or null on a server database. */
  public Path sqliteFile() {
    return sqliteFile;
  }

  /**
   * Like {@link #inTransaction}, committed together with other callers' durable writes: what an API
   * call acknowledges is on disk when this returns (on SQLite its write-ahead log is synced) and
   * concurrent callers share that cost.
   */
  public <T> T inDurableTransaction(Function<Tx, T> work) {
    return writer.run(work);
  }

  /**
   * The group-commit writer that the API's writes and the engine's go through (but for a firing's
   * write before its call: {@link #writerWithoutFlush()}), so that API writes and firings share
   * commits (and, on SQLite, syncs of the log).
   */
  public GroupCommit writer() {
    return writer;
  }

  /**
   * A group-commit writer for writes that no one is told of and that are made good after a crash of
   * the database: its commits do not wait for the log's flush where the database allows that
   * (PostgreSQL; on SQLite this is {@link #writer()}). A write there is seen by every other
   * connection as soon as it returns, so only a crash of the database server itself can take it
   * back, and then only until a later flushed commit, which flushes it too.
   */
  public GroupCommit writerWithoutFlush() {
    return writerWithoutFlush;
  }

  /**
   * Runs {@code work} while no other process sharing the database runs work of the same {@code
   * name}, outside any transaction (the work may call other services and write afterwards).
   */
  public <T> T exclusively(String name, Supplier<T> work) {
    return NamedLock.run(writes, dialect, name, work);
  }

  /** A transaction that may write. */
  public <T> T inTransaction(Function<Tx, T> work) {
    return transaction(writes, work, commits);
  }

  private <T> T inTransactionWithoutFlush(Function<Tx, T> work) {
    return transaction(unflushed, work, commits);
  }

  /** A transaction that only reads, seeing one consistent state of the database. */
  public <T> T read(Function<Tx, T> work) {
    return transaction(reads, work, null);
  }

  /** How long each commit of a write transaction took (on SQLite: the sync of the log). */
  public Durations commitTimes() {
    return commits;
  }

  /** The SQLite log's checkpointer, or null on a server database. */
  public WalCheckpointer checkpointer() {
    return checkpointer;
  }

  /** Called by the group-commit writer after each batch, on its thread. */
  void betweenBatches(boolean idle) {
    if (checkpointer != null) {
      checkpointer.betweenBatches(idle);
    }
  }

  private <T> T transaction(HikariDataSource source, Function<Tx, T> work, Durations timed) {
    try (Connection connection = source.getConnection()) {
      connection.setAutoCommit(false);
      T result;
      Tx tx = new Tx(connection, dialect);
      try {
        result = work.apply(tx);
        tx.close();
        long committing = System.nanoTime();
        connection.commit();
        if (timed != null) {
          timed.record(System.nanoTime() - committing);
        }
      } catch (RuntimeException e) {
        tx.close();
        rollBack(source, connection, e);
        throw e;
      } catch (SQLException e) {
        rollBack(source, connection, e);
        throw e;
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("database transaction failed", e);
    }
  }

  /**
   * Rolls back after {@code failure}, keeping it the reported one. SQLite has already rolled back
   * after some failures (a full disk), and the driver's idea of the transaction is then wrong: such
   * a connection is replaced by a fresh one rather than reused.
   */
  private static void rollBack(HikariDataSource source, Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
      source.evictConnection(connection);
    }
  }

  @Override
  public void close() {
    writer.close();
    if (writerWithoutFlush != writer) {
      writerWithoutFlush.close();
    }
    if (checkpointer != null) {
      checkpointer.close();
    }
    writes.close();
    if (reads != writes) {
      reads.close();
    }
    if (unflushed != null) {
      unflushed.close();
    }
  }
}
