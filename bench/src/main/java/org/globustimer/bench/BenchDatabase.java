package org.globustimer.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL database of the benchmark's own, created on the server named by {@code
 * GLOBUS_TIMER_TEST_PG_URL} (with {@code _USER} and {@code _PASSWORD}) and dropped afterwards, so
 * that a run neither sees nor leaves anything in the databases of others.
 */
record BenchDatabase(String url, String user, String password) implements AutoCloseable {

  private static final String OBJECT_IN_USE = "55006";
  private static final int DROP_ATTEMPTS = 6;

  static BenchDatabase create() throws SQLException {
    String server = System.getenv("GLOBUS_TIMER_TEST_PG_URL");
    if (server == null || server.isBlank()) {
      throw new IllegalStateException(
          "--store postgres needs GLOBUS_TIMER_TEST_PG_URL, _USER and _PASSWORD:"
              + " eval \"$(.ci/run --postgres-env)\" first");
    }
    String user = System.getenv().getOrDefault("GLOBUS_TIMER_TEST_PG_USER", "");
    String password = System.getenv().getOrDefault("GLOBUS_TIMER_TEST_PG_PASSWORD", "");
    String name = "bench_firing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
    }
    String base = server.substring(0, server.lastIndexOf('/') + 1);
    return new BenchDatabase(base + name, user, password);
  }

  /**
   * Drops the database; the nodes using it must have stopped. Their server sessions may still be
   * ending a moment after their processes have ("being accessed by other users"), so a refused drop
   * is retried a few times. {@code WITH (FORCE)} would need a role allowed to end others' sessions.
   */
  @Override
  public void close() throws SQLException, InterruptedException {
    String name = url.substring(url.lastIndexOf('/') + 1);
    String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    for (int attempt = 1; ; attempt++) {
      try (Connection c = DriverManager.getConnection(server, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
        return;
      } catch (SQLException e) {
        if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt == DROP_ATTEMPTS) {
          throw e;
        }
        Thread.sleep(500L * attempt);
      }
    }
  }
}
