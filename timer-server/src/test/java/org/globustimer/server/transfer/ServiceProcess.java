package org.globustimer.server.transfer;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;

/**
 * The service as users run it: {@code ServerMain} in a JVM of its own, whose user's home ({@code
 * HOME} and {@code user.home}) is a directory of the test's, so the local endpoints' {@code /~/}
 * and the roots they may reach are that directory and never the real user's home. Restartable on
 * the same data.
 */
final class ServiceProcess implements AutoCloseable {

  private final Path userHome;
  private final Path serviceHome;
  private Process process;
  private String url;
  private int port;

  private ServiceProcess(Path userHome) {
    this.userHome = userHome;
    this.serviceHome = userHome.resolve(".local/share/globus-timer");
  }

  /** Starts a service whose user's home is {@code userHome}. */
  static ServiceProcess start(Path userHome) {
    ServiceProcess service = new ServiceProcess(userHome);
    service.startAgain();
    return service;
  }

  void startAgain() {
    try {
      Files.createDirectories(serviceHome.resolve("logs"));
      Files.deleteIfExists(serviceHome.resolve("server.json"));
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Duser.home=" + userHome, "-cp"));
      command.add(System.getProperty("java.class.path"));
      command.add("org.globustimer.server.ServerMain");
      // a restart keeps the port: timers hold the built-in provider's URL with the port in it
      command.addAll(List.of("--home", serviceHome.toString(), "--port", String.valueOf(port)));
      // a restarted process is a new node: short leases let it take over a killed one's timers
      command.addAll(List.of("--lease-seconds", "5"));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(
                      serviceHome.resolve("logs/server.log").toFile()));
      builder.environment().put("HOME", userHome.toString());
      builder.environment().keySet().removeIf(k -> k.startsWith("GLOBUS_TIMER_"));
      process = builder.start();
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
      awaitListening();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() {
    Path state = serviceHome.resolve("server.json");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start:\n" + log());
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

  Api api() {
    try {
      return new Api(url, Files.readString(serviceHome.resolve("token")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String log() {
    try {
      return Files.readString(serviceHome.resolve("logs/server.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGKILL: no shutdown hook, no chance to finish a write. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: the service stops cleanly. */
  void stop() {
    process.destroy();
    waitForExit();
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
