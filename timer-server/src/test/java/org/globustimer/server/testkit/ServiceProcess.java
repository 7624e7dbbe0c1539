package org.globustimer.server.testkit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.TestPostgres;

/**
 * The service as it is deployed: {@code ServerMain} in a JVM of its own, configured only by its
 * command line ({@code GLOBUS_TIMER_*} variables of the test's environment are not passed on).
 * Stops cleanly (SIGTERM) or is killed (SIGKILL), and restarts on the same home and port.
 */
public final class ServiceProcess implements AutoCloseable {

  private final Path home;
  private final Path userHome;
  private final String nodeId;
  private final Map<String, String> settings;
  private final List<String> jvmOptions;
  private Process process;
  private String url;
  private int port;

  private ServiceProcess(Builder options) {
    this.home = options.home;
    this.userHome = options.userHome;
    this.nodeId = options.nodeId;
    this.settings = Map.copyOf(options.settings);
    this.jvmOptions = List.copyOf(options.jvmOptions);
  }

  /** A service whose data lives in {@code home}; the test's own user home is left as it is. */
  public static Builder inHome(Path home) {
    return new Builder(home, null);
  }

  /**
   * A service run by a user whose home ({@code HOME} and {@code user.home}) is {@code userHome}, so
   * the local endpoints' {@code /~/} and the roots they may reach are that directory and never the
   * real user's home. Its data lives in the default place under that home.
   */
  public static Builder forUserHome(Path userHome) {
    return new Builder(userHome.resolve(".local/share/globus-timer"), userHome);
  }

  /**
   * A service with its data in {@code home}, run by a user whose home is {@code userHome}: several
   * such nodes share one user's files, as nodes of a cluster share storage.
   */
  public static Builder inHome(Path home, Path userHome) {
    return new Builder(home, userHome);
  }

  /** What differs between one service process and another. */
  public static final class Builder {
    private final Path home;
    private final Path userHome;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private String nodeId;

    private Builder(Path home, Path userHome) {
      this.home = home;
      this.userHome = userHome;
    }

    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId;
      return setting("node_id", nodeId);
    }

    public Builder database(TestPostgres.Database db) {
      return setting("database_url", db.url())
          .setting("database_user", db.user())
          .setting("database_password", db.password());
    }

    /** A setting by key, e.g. {@code lease_seconds}, passed as a command-line option. */
    public Builder setting(String key, String value) {
      settings.put(key, value);
      return this;
    }

    /**
     * Starts the JVM for start-up time rather than peak speed (C1 only, a small heap): for tests
     * that restart the service many times.
     */
    public Builder quickStart() {
      jvmOptions.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xss512k"));
      return this;
    }

    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    public Builder settings(Map<String, String> more) {
      settings.putAll(more);
      return this;
    }

    /** Starts the process on a free port and waits until it listens. */
    public ServiceProcess start() {
      ServiceProcess service = new ServiceProcess(this);
      service.startAgain();
      return service;
    }
  }

  /** Starts the process again on the same home and, after the first start, the same port. */
  public void startAgain() {
    try {
      Files.createDirectories(home.resolve("logs"));
      Files.deleteIfExists(home.resolve("server.json"));
      ProcessBuilder builder =
          new ProcessBuilder(command())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
      builder.environment().keySet().removeIf(k -> k.startsWith("GLOBUS_TIMER_"));
      if (userHome != null) {
        builder.environment().put("HOME", userHome.toString());
      }
      process = builder.start();
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
      awaitListening();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> command() {
    List<String> command = new ArrayList<>();
    ChildJvm.Launch launch = ChildJvm.get().launch();
    command.add(ChildJvm.java());
    command.addAll(ChildJvm.BASE_OPTIONS);
    command.addAll(launch.cacheOptions());
    command.addAll(jvmOptions);
    if (userHome != null) {
      command.add("-Duser.home=" + userHome);
    }
    command.addAll(List.of("-cp", launch.classPath()));
    command.add("org.globustimer.server.ServerMain");
    // a restart keeps the port: timers hold the built-in provider's URL with the port in it
    command.addAll(List.of("--home", home.toString(), "--port", String.valueOf(port)));
    settings.forEach((key, value) -> command.addAll(List.of("--" + key, value)));
    return command;
  }

  private void awaitListening() {
    Path state = home.resolve("server.json");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited at start:\n" + log());
              }
              return Files.exists(state);
            });
    try {
      JsonNode json = Json.mapper().readTree(Files.readString(state));
      url = json.get("url").asText();
      port = json.get("port").asInt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String name() {
    return nodeId == null ? "the service" : nodeId;
  }

  private Path logFile() {
    return home.resolve("logs").resolve("server.log");
  }

  /** The node id given to the builder, or null when the service picks its own. */
  public String nodeId() {
    return nodeId;
  }

  public String url() {
    return url;
  }

  public String token() {
    try {
      return Files.readString(home.resolve("token")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Api api() {
    return new Api(url, token());
  }

  /** Everything the process wrote, across restarts. */
  public String log() {
    try {
      return Files.readString(logFile());
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGKILL: no shutdown hook runs, no write is finished, claims stay until their leases end. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: the service stops cleanly, giving back its claims. */
  public void stop() {
    process.destroy();
    waitForExit();
  }

  /** The exit code of the process, once it has exited. */
  public int exitCode() {
    return process.exitValue();
  }

  private void waitForExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
