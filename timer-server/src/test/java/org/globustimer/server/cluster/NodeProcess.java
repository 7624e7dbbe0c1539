package org.globustimer.server.cluster;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.TestPostgres;

/**
 * One service process of a cluster: {@code ServerMain} in a JVM of its own, with a home of its own
 * and the shared PostgreSQL database. Stops cleanly (SIGTERM) or is killed (SIGKILL).
 */
final class NodeProcess implements AutoCloseable {

  private final String nodeId;
  private final Path home;
  private final Process process;
  private String url;

  private NodeProcess(String nodeId, Path home, Process process) {
    this.nodeId = nodeId;
    this.home = home;
    this.process = process;
  }

  /** Homes under target/, kept after the test so the nodes' logs can be read. */
  static Path homesFor(TestPostgres.Database db) {
    return Path.of("target", "cluster-nodes", db.url().substring(db.url().lastIndexOf('/') + 1))
        .toAbsolutePath();
  }

  static NodeProcess start(
      Path homes, String nodeId, TestPostgres.Database db, Map<String, String> settings) {
    Path home = homes.resolve(nodeId);
    try {
      Files.createDirectories(home.resolve("logs"));
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-cp"));
      command.add(System.getProperty("java.class.path"));
      command.add("org.globustimer.server.ServerMain");
      command.addAll(List.of("--home", home.toString(), "--port", "0", "--node-id", nodeId));
      command.addAll(List.of("--database-url", db.url(), "--database-user", db.user()));
      command.addAll(List.of("--database-password", db.password()));
      settings.forEach((key, value) -> command.addAll(List.of("--" + key, value)));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("logs").resolve("server.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      NodeProcess node = new NodeProcess(nodeId, home, process);
      node.awaitListening();
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() {
    Path state = home.resolve("server.json");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(nodeId + " exited at start:\n" + log());
              }
              return Files.exists(state);
            });
    try {
      JsonNode json = Json.mapper().readTree(Files.readString(state));
      url = json.get("url").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String nodeId() {
    return nodeId;
  }

  String url() {
    return url;
  }

  String token() {
    try {
      return Files.readString(home.resolve("token")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String log() {
    try {
      return Files.readString(home.resolve("logs").resolve("server.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGKILL: no shutdown hook runs, claims stay until their leases expire. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: the service gives back its claims and leaves the cluster. */
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
    if (process.isAlive()) {
      stop();
    }
  }
}
