package org.globustimer.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The timers database: a pooled connection source, its migrations, and transactions over it. */
public final class TimerStore implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final H2WriteOut writeOut;

  private TimerStore(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.writeOut = dialect instanceof Dialect.H2 ? new H2WriteOut(dataSource) : null;
  }

  /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
  public static TimerStore open(String jdbcUrl, String user, String password, int poolSize) {
    Dialect dialect = Dialect.forUrl(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("timer-store");
    config.setConnectionTimeout(3_000);
    config.setInitializationFailTimeout(-1);
    if (dialect instanceof Dialect.PostgreSql) {
      config.addDataSourceProperty("options", "-c statement_timeout=15000");
    }
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      migrations(dataSource, jdbcUrl).migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("could not prepare the database at " + jdbcUrl, e);
    }
    return new TimerStore(dataSource, dialect);
  }

  /** This release's migrations of the timer tables, to inspect a database before {@link #open}. */
  public static Flyway migrations(DataSource dataSource, String jdbcUrl) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(Dialect.forUrl(jdbcUrl).migrationsLocation())
        .table("timer_schema_history")
        .load();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Like {@link #inTransaction} and, once committed, written out of the process: what an API call
   * acknowledges must survive the process being killed the next moment. Engine writes do without (a
   * lost firing record is redone with the same request id), which lets H2 write them in batches.
   */
  public <T> T inDurableTransaction(Function<Tx, T> work) {
    T result = inTransaction(work);
    if (writeOut != null) {
      writeOut.afterCommit();
    }
    return result;
  }

  public <T> T inTransaction(Function<Tx, T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(new Tx(connection, dialect));
        connection.commit();
        return result;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("database transaction failed", e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
