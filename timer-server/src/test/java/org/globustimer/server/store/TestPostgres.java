package org.globustimer.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.globustimer.server.testkit.Trees;

/**
 * A PostgreSQL server for tests, one per JVM: the one named by {@code GLOBUS_TIMER_TEST_PG_URL}
 * (with {@code _USER}, {@code _PASSWORD}, and {@code _CTL}, a command that stops and starts it),
 * else an embedded server started on first use. Every caller gets a database of its own, so tests
 * never see each other's rows. A test that stops and starts a server to try an outage takes one of
 * its own ({@link #ownServer()}), so the others go on undisturbed.
 */
public final class TestPostgres implements AutoCloseable {

  /** Where one test's database is. */
  public record Database(String url, String user, String password) {}

  private static TestPostgres shared;

  private final String serverUrl;
  private final String user;
  private final String password;
  private final Server server;

  private TestPostgres(String serverUrl, String user, String password, Server server) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.server = server;
  }

  public static synchronized TestPostgres get() {
    if (shared == null) {
      shared = fromEnvironment(System.getenv());
    }
    return shared;
  }

  private static TestPostgres fromEnvironment(Map<String, String> env) {
    String url = env.get("GLOBUS_TIMER_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      String ctl = env.getOrDefault("GLOBUS_TIMER_TEST_PG_CTL", "");
      return new TestPostgres(
          url,
          env.getOrDefault("GLOBUS_TIMER_TEST_PG_USER", "postgres"),
          env.getOrDefault("GLOBUS_TIMER_TEST_PG_PASSWORD", ""),
          ctl.isBlank() ? null : new External(ctl));
    }
    return embedded();
  }

  /**
   * An embedded server of the caller's own, which it may stop and start while other tests go on
   * using the shared one; {@link #close()} stops it for good and removes its files.
   */
  public static TestPostgres ownServer() {
    return embedded();
  }

  private static TestPostgres embedded() {
    Embedded embedded = new Embedded();
    return new TestPostgres(
        "jdbc:postgresql://127.0.0.1:" + embedded.port + "/postgres", "postgres", "", embedded);
  }

  /** Stops a server of the caller's own ({@link #ownServer()}); the shared one stays up. */
  @Override
  public void close() {
    if (this != shared && server instanceof Embedded embedded) {
      embedded.remove();
    }
  }

  /** Creates an empty database and says how to reach it. */
  public Database newDatabase() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + serverUrl, e);
    }
    String base = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1);
    return new Database(base + name, user, password);
  }

  /** Whether {@link #stop()} and {@link #start()} are possible here. */
  public boolean canRestart() {
    return server != null;
  }

  /** Stops the server at once (fast shutdown: sessions are cut, like a crash to clients). */
  public void stop() {
    server.stop();
  }

  public void start() {
    server.start();
  }

  private sealed interface Server permits External, Embedded {
    void stop();

    void start();
  }

  /** A server we control through a command such as {@code pg_ctlcluster 15 main}. */
  private record External(String ctl) implements Server {
    @Override
    public void stop() {
      run(ctl + " stop -m fast");
    }

    @Override
    public void start() {
      run(ctl + " status >/dev/null 2>&1 || " + ctl + " start");
    }

    private static void run(String command) {
      try {
        Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("'" + command + "' failed with " + p.exitValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** An embedded server on a fixed port and data directory, so it can come back after a stop. */
  private static final class Embedded implements Server {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    Embedded() {
      try {
        dataDirectory = Files.createTempDirectory("timer-test-pg");
        postgres = builder(0).start();
        port = postgres.getPort();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
      }
    }

    // The library starts its servers with synchronous_commit off; ours runs as a server does by
    // default, so a commit the store says waits for the log's flush does wait for it here too.
    private EmbeddedPostgres.Builder builder(int fixedPort) {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "300")
              .setServerConfig("synchronous_commit", "on");
      return fixedPort == 0 ? builder : builder.setPort(fixedPort);
    }

    @Override
    public synchronized void stop() {
      if (postgres == null) {
        return;
      }
      try {
        postgres.close();
        postgres = null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void remove() {
      stop();
      Trees.delete(dataDirectory);
    }

    /** Like {@code pg_ctlcluster start}, starting a server that already runs changes nothing. */
    @Override
    public synchronized void start() {
      if (postgres != null) {
        return;
      }
      try {
        postgres = builder(port).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
