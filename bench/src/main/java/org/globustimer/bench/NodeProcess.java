package org.globustimer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.globustimer.core.json.Json;

/**
 * One service node as a process of its own, on the benchmark's class path, with its JVM options
 * from {@code BENCH_NODE_JAVA_OPTS}; it is listening once it has written its {@code server.json}.
 */
final class NodeProcess {

  private NodeProcess() {}

  static Process start(Path home, String nodeId, Map<String, String> env, List<String> settings)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    String options = System.getenv().getOrDefault("BENCH_NODE_JAVA_OPTS", "-Xmx1g");
    command.addAll(List.of(options.trim().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add("org.globustimer.server.ServerMain");
    command.addAll(List.of("--home", home.toString(), "--node-id", nodeId));
    command.addAll(settings);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("server.log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Waits up to 120 s for the node to listen; answers its {@code server.json}. */
  static JsonNode awaitListening(Process process, Path home) throws Exception {
    Path state = home.resolve("server.json");
    for (int waited = 0; waited < 1_200; waited++) {
      if (Files.exists(state)) {
        try {
          return Json.mapper().readTree(Files.readString(state));
        } catch (IOException e) {
          // written as we read it: read again
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "a node exited at start:\n" + Files.readString(home.resolve("server.log")));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("a node did not start within 120 s: see " + home);
  }
}
