package org.globustimer.benchpeers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.globustimer.benchpeers.Postgres.Database;

/** Connection pools for the peers, sized as the engine's own (32). */
final class DataSources {

  static final int POOL_SIZE = 32;

  private DataSources() {}

  static HikariDataSource pool(Database database, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.url());
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }
}
