package org.globustimer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;

/**
 * Durable timer creation through the API: N timers created by C concurrent clients (each waits for
 * its answer before sending the next), every answer acknowledging a write that is on disk. The
 * timers start far in the future, so the engine only claims (and finds nothing due). Prints
 * creations per second, heap after GC, the database's size, how long a claim pass takes over the
 * idle timers, and the claim queries' plans.
 *
 * <p>Usage: {@code bench/run create --timers 100000 --clients 32} [{@code --warmup 40000}] [{@code
 * --client plain|jdk|wrk}] [{@code --direct true}]. The warm-up creates are not counted; {@code
 * plain} is a minimal keep-alive HTTP/1.1 client in this process, {@code jdk} the JDK's, {@code
 * wrk} the load generator of that name in a process of its own ({@link WrkCreates}; it runs for
 * {@code --warmup_seconds 30} not counted, then {@code --seconds 20}, instead of a number of
 * timers); {@code --direct true} skips HTTP and hands the same inserts straight to the store's
 * group commit.
 */
public final class CreateBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Options.parse(
            args,
            Map.of(
                "timers", "20000",
                "clients", "32",
                "home", "",
                "direct", "false",
                "warmup", "40000",
                "client", "plain",
                "seconds", "20",
                "warmup_seconds", "30"));
    boolean wrk = options.get("client").equals("wrk");
    int timers = Integer.parseInt(options.get("timers"));
    int clients = Integer.parseInt(options.get("clients"));
    int warmup = Integer.parseInt(options.get("warmup"));
    boolean direct = Boolean.parseBoolean(options.get("direct"));
    boolean jdkClient = options.get("client").equals("jdk");
    Path home =
        options.get("home").isEmpty()
            ? Files.createTempDirectory("globus-timer-bench")
            : Path.of(options.get("home"));
    TimerService service =
        TimerService.start(
            SettingsLoader.load(new String[] {"--home", home.toString(), "--port", "0"}, Map.of()),
            Clock.systemUTC());
    try {
      String token = Files.readString(home.resolve("token")).trim();
      ApiCreates api = new ApiCreates(service.url(), token, clients, jdkClient);
      if (wrk) {
        WrkCreates.run(
            service.url(), token, clients, Integer.parseInt(options.get("warmup_seconds")));
      } else if (warmup > 0 && !direct) {
        // Not counted: the service's code is compiled during these, not during the measurement.
        api.create(-warmup, 0);
      }
      CreateCosts costs = CreateCosts.from(service.store().writer());
      long started = System.nanoTime();
      long failures;
      double seconds;
      if (wrk) {
        WrkCreates.Result r =
            WrkCreates.run(service.url(), token, clients, Integer.parseInt(options.get("seconds")));
        System.out.println("wrk: " + r.line());
        failures = r.failed();
        timers = (int) (r.answers() - r.failed());
        seconds = r.seconds();
      } else {
        if (direct) {
          DirectCreates.create(service, token, timers, clients);
          failures = 0;
        } else {
          failures = api.create(0, timers);
        }
        seconds = (System.nanoTime() - started) / 1e9;
      }
      // What one create costs this process (the service, and the client unless it is wrk).
      costs.print(
          timers,
          clients,
          seconds,
          failures,
          wrk ? "the service; wrk's own not counted" : "service and client");
      if (!direct && !wrk) {
        System.out.printf(
            "  of which the client threads %,.0f µs%n", api.clientCpuNanos() / 1e3 / timers);
      }
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      System.out.printf("heap after GC    %,d MiB%n", heap >> 20);
      Path db = service.store().sqliteFile();
      if (db != null) {
        ClaimQueryReport.print(db);
      }
    } finally {
      service.close();
    }
    System.exit(0);
  }
}
