package org.globustimer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;
import org.globustimer.server.store.TimerStore;

/**
 * The service under test: one node in the benchmark's JVM, or (with {@code --nodes N}, N ≥ 2) N
 * node processes of their own sharing one PostgreSQL database. Timers are created through the first
 * node; every node claims and fires them.
 */
final class ServiceNodes implements AutoCloseable {

  private static final List<String> SETTINGS =
      List.of("--port", "0", "--min-interval-seconds", "1", "--database-pool-size", "32");

  private final List<Process> processes = new ArrayList<>();
  private TimerService inProcess;
  private BenchDatabase database;
  private String url;
  private String token;

  static ServiceNodes start(int nodes, String store) throws Exception {
    ServiceNodes service = new ServiceNodes();
    try {
      service.startAll(nodes, store);
    } catch (Exception e) {
      service.close();
      throw e;
    }
    return service;
  }

  private void startAll(int nodes, String store) throws Exception {
    Map<String, String> env = new HashMap<>();
    if (store.equals("postgres") || nodes > 1) {
      database = BenchDatabase.create();
      env.put("GLOBUS_TIMER_DATABASE_URL", database.url());
      env.put("GLOBUS_TIMER_DATABASE_USER", database.user());
      env.put("GLOBUS_TIMER_DATABASE_PASSWORD", database.password());
      System.out.printf("store: PostgreSQL database %s%n", database.url());
    } else if (!store.equals("sqlite")) {
      throw new IllegalArgumentException("--store is sqlite or postgres");
    }
    if (nodes == 1) {
      Path home = Files.createTempDirectory("globus-timer-bench");
      List<String> args = new ArrayList<>(List.of("--home", home.toString()));
      args.addAll(SETTINGS);
      inProcess =
          TimerService.start(
              SettingsLoader.load(args.toArray(String[]::new), env), Clock.systemUTC());
      url = inProcess.url();
      token = Files.readString(home.resolve("token")).trim();
      return;
    }
    List<Path> homes = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      Path home = Files.createTempDirectory("globus-timer-bench-node" + i);
      homes.add(home);
      processes.add(NodeProcess.start(home, "bench-node-" + i, env, SETTINGS));
    }
    for (int i = 0; i < nodes; i++) {
      JsonNode state = NodeProcess.awaitListening(processes.get(i), homes.get(i));
      if (i == 0) {
        url = state.get("url").asText();
        token = Files.readString(homes.get(i).resolve("token")).trim();
      }
    }
    System.out.printf("%d node processes on one PostgreSQL database%n", nodes);
  }

  /** CPU time the service has used so far: its node processes', or this JVM's when it runs here. */
  long cpuNanos() {
    if (inProcess != null) {
      return ((com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
    return processes.stream()
        .mapToLong(p -> p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L))
        .sum();
  }

  /** The store of the node in this JVM, or null when the nodes run as processes of their own. */
  TimerStore store() {
    return inProcess == null ? null : inProcess.store();
  }

  String url() {
    return url;
  }

  String token() {
    return token;
  }

  /** Stops every node, then drops the database they used (which needs them gone first). */
  @Override
  public void close() throws Exception {
    try {
      if (inProcess != null) {
        inProcess.close();
      }
      for (Process process : processes) {
        process.destroy();
      }
      for (Process process : processes) {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }
}
