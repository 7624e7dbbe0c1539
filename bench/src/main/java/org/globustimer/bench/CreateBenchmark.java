package org.globustimer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;
import org.globustimer.server.store.GroupCommit;

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
      if (wrk) {
        WrkCreates.run(
            service.url(), token, clients, Integer.parseInt(options.get("warmup_seconds")));
      } else if (warmup > 0 && !direct) {
        // Not counted: the service's code is compiled during these, not during the measurement.
        create(service.url(), token, -warmup, 0, clients, jdkClient);
      }
      GroupCommit writer = service.store().writer();
      long commitsBefore = writer.commits();
      long unitsBefore = writer.committedUnits();
      long busyBefore = writer.busyNanos();
      long cpuBefore = processCpuNanos();
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
        failures =
            direct
                ? createDirectly(service, token, timers, clients)
                : create(service.url(), token, 0, timers, clients, jdkClient);
        seconds = (System.nanoTime() - started) / 1e9;
      }
      double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / timers;
      long commits = writer.commits() - commitsBefore;
      System.out.printf(
          "created %,d timers with %d clients in %.1f s: %,.0f/s (%d failed)%n",
          timers, clients, seconds, timers / seconds, failures);
      System.out.printf(
          "commits          %,d (%.1f writes each, %.0f/s, %.1f ms each; writer busy %.0f%%)%n",
          commits,
          (writer.committedUnits() - unitsBefore) / (double) commits,
          commits / seconds,
          (writer.busyNanos() - busyBefore) / 1e6 / commits,
          (writer.busyNanos() - busyBefore) / 1e7 / seconds);
      // What one create costs this process (the service, and the client unless it is wrk), and
      // what that allows on this machine's cores if nothing else ran.
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf(
          "CPU per create   %,.0f µs (%s; %d cores allow %,.0f/s at most)%n",
          cpuMicros,
          wrk ? "the service; wrk's own not counted" : "service and client",
          cores,
          cores * 1e6 / cpuMicros);
      if (!direct && !wrk) {
        System.out.printf(
            "  of which the client threads %,.0f µs%n", clientCpuNanos.get() / 1e3 / timers);
      }
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      System.out.printf("heap after GC    %,d MiB%n", heap >> 20);
      Path db = service.store().sqliteFile();
      if (db != null) {
        report(db);
      }
    } finally {
      service.close();
    }
    System.exit(0);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time the client threads used in the last {@link #create} (the JDK client's own not
   * counted).
   */
  private static final AtomicLong clientCpuNanos = new AtomicLong();

  private static long create(
      String url, String token, long from, long to, int clients, boolean jdkClient)
      throws Exception {
    clientCpuNanos.set(0);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    HttpClient http = jdkClient ? HttpClient.newHttpClient() : null;
    AtomicLong next = new AtomicLong(from);
    AtomicLong failures = new AtomicLong();
    String start = Instant.now().plusSeconds(86_400).toString();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(
            () -> {
              long cpuStarted = threads.getCurrentThreadCpuTime();
              try (PlainHttp plain = jdkClient ? null : new PlainHttp(url)) {
                for (long i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                  String body =
                      "{\"name\":\"bench-"
                          + i
                          + "\",\"start\":\""
                          + start
                          + "\",\"interval\":3600,\"callback_url\":\"http://127.0.0.1:9/run\","
                          + "\"callback_body\":{\"body\":{\"i\":"
                          + i
                          + "}}}";
                  PlainHttp.Answer answer =
                      jdkClient
                          ? jdkPost(http, url, token, body)
                          : plain.post("/jobs", token, body);
                  if (answer.status() != 201 && failures.incrementAndGet() == 1) {
                    System.err.printf(
                        "creating a timer failed: %d %s%n", answer.status(), answer.body());
                  }
                }
              }
              clientCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStarted);
              return null;
            });
      }
    }
    return failures.get();
  }

  private static PlainHttp.Answer jdkPost(HttpClient http, String url, String token, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/jobs"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new PlainHttp.Answer(response.statusCode(), response.body());
  }

  /**
   * The same durable writes without HTTP: each client thread hands its insert to the store's group
   * commit and waits for it, as the API's handler does. Shows what the store alone sustains.
   */
  private static long createDirectly(TimerService service, String token, int timers, int clients)
      throws Exception {
    TimerRow template = template(service, token);
    TimerCopies copies = new TimerCopies(template);
    Instant start = Instant.now().plusSeconds(86_400);
    AtomicLong next = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(
            () -> {
              for (long i = next.getAndIncrement(); i < timers; i = next.getAndIncrement()) {
                TimerRow timer = copies.copy(i, start, Instant.now());
                service
                    .store()
                    .inDurableTransaction(
                        tx -> {
                          tx.insertTimer(timer);
                          return null;
                        });
              }
              return null;
            });
      }
    }
    return 0;
  }

  /** One timer created through the API, as the store holds it. */
  static TimerRow template(TimerService service, String token) throws Exception {
    String body =
        "{\"name\":\"template\",\"start\":\""
            + Instant.now().plusSeconds(86_400)
            + "\",\"interval\":3600,\"callback_url\":\"http://127.0.0.1:9/run\","
            + "\"callback_body\":{\"body\":{}}}";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(service.url() + "/jobs"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    UUID id = UUID.fromString(Json.mapper().readTree(response.body()).get("job_id").asText());
    return service.store().read(tx -> tx.findTimer(id)).orElseThrow();
  }

  static void report(Path db) throws Exception {
    long main = Files.size(db);
    Path wal = db.resolveSibling(db.getFileName() + "-wal");
    long log = Files.exists(wal) ? Files.size(wal) : 0;
    System.out.printf(
        "database file    %,d MiB (+ %,d MiB write-ahead log)%n", main >> 20, log >> 20);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      long now = System.currentTimeMillis();
      String claim =
          "SELECT id FROM timers WHERE due_at BETWEEN 0 AND "
              + (now + 1_000)
              + " AND (lease_until IS NULL OR lease_until < "
              + now
              + ") ORDER BY due_at LIMIT 512";
      String checks =
          "SELECT timer_id, slot FROM runs WHERE next_check_at BETWEEN 0 AND "
              + (now + 1_000)
              + " AND (monitor_lease_until IS NULL OR monitor_lease_until < "
              + now
              + ") ORDER BY next_check_at LIMIT 512";
      for (String query : new String[] {claim, checks}) {
        System.out.println("EXPLAIN QUERY PLAN " + query.replaceAll("\\d{13}", "?"));
        try (ResultSet rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + query)) {
          while (rs.next()) {
            System.out.println("  " + rs.getString("detail"));
          }
        }
        long t0 = System.nanoTime();
        int rounds = 1_000;
        for (int i = 0; i < rounds; i++) {
          try (ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) {
              // nothing is due: the scan should end at once
            }
          }
        }
        System.out.printf(
            "  %.1f µs per query over the idle timers%n", (System.nanoTime() - t0) / 1e3 / rounds);
      }
    }
  }
}
