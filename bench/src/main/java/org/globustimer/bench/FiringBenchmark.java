package org.globustimer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N recurring timers, created through the API with starts spread evenly over one interval so they
 * fire at a steady rate, against a no-op provider on loopback. Prints firing lag (arrival at the
 * provider minus the tick) p50/p99/max, sustained firings per second, and heap.
 *
 * <p>Usage: {@code bench/run firing --timers 10000 --rate 1000 --seconds 30 [--provider node]
 * [--store sqlite|postgres] [--nodes N]}; two or more nodes run as processes of their own on one
 * PostgreSQL database the benchmark creates for the run and drops afterwards.
 */
public final class FiringBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Options.parse(
            args,
            Map.of(
                "timers", "10000",
                "rate", "1000",
                "seconds", "30",
                "warmup", "10",
                "provider", "in-process",
                "nodes", "1",
                "store", "sqlite"));
    int timers = Integer.parseInt(options.get("timers"));
    double rate = Double.parseDouble(options.get("rate"));
    int seconds = Integer.parseInt(options.get("seconds"));
    int warmup = Integer.parseInt(options.get("warmup"));
    long intervalMillis = Math.round(timers / rate * 1000);
    if (intervalMillis < 1000) {
      throw new IllegalArgumentException("timers / rate must be at least 1 second");
    }
    ServiceNodes service =
        ServiceNodes.start(Integer.parseInt(options.get("nodes")), options.get("store"));
    String token = service.token();

    long[] startMicros = new long[timers];
    long intervalMicros = intervalMillis * 1000;
    long measureFrom = 0;
    long measureTo = Long.MAX_VALUE;
    FiringRecorder recorder = new FiringRecorder(startMicros, intervalMicros);
    try (Provider provider = provider(options.get("provider"), recorder)) {
      long createStart = System.nanoTime();
      Instant firstStart = Instant.now().plusMillis(Math.max(5_000, timers / 5));
      create(
          service.url(), token, provider.runUrl(), timers, firstStart, intervalMillis, startMicros);
      double createSeconds = (System.nanoTime() - createStart) / 1e9;
      System.out.printf(
          "created %,d timers through the API in %.1f s (%.0f/s)%n",
          timers, createSeconds, timers / createSeconds);
      // Timers whose start passed while others were still being created fired at once; one
      // interval after the last creation every timer is on its grid.
      long firstMicros = Math.max(firstStart.toEpochMilli() * 1000, NoOpProvider.nowMicros());
      measureFrom = firstMicros + intervalMicros + warmup * 1_000_000L;
      measureTo = measureFrom + seconds * 1_000_000L;
      recorder.window(measureFrom, measureTo);
      System.out.printf(
          "interval %.1f s, firing for %d s after %d s of warm-up…%n",
          intervalMillis / 1000.0, seconds, (measureFrom - firstMicros) / 1_000_000);
      Thread.sleep(Math.max(0, (measureFrom - NoOpProvider.nowMicros()) / 1000));
      long cpuFrom = service.cpuNanos();
      StoreReport storeReport = StoreReport.from(service.store());
      Thread.sleep(Math.max(0, (measureTo - NoOpProvider.nowMicros()) / 1000));
      long cpuNanos = service.cpuNanos() - cpuFrom;
      if (storeReport != null) {
        storeReport.end();
      }
      // late arrivals of the window's last ticks
      Thread.sleep(2_000);
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      recorder.report(timers, rate, seconds, heap);
      // CPU per firing is less at the mercy of other work on the machine than lag is.
      System.out.printf(
          "service CPU      %.2f cores, %.0f µs per firing in the window%n",
          cpuNanos / (seconds * 1e9), cpuNanos / 1e3 / Math.max(1, recorder.recorded()));
      if (storeReport != null) {
        storeReport.print(seconds);
      }
    } finally {
      service.close();
    }
    // Nothing of the service may keep the benchmark's JVM alive (and firing) after its report.
    System.exit(0);
  }

  /** The no-op provider: in this JVM, or a Node.js process of its own ({@code --provider node}). */
  private static Provider provider(String which, FiringRecorder recorder) throws Exception {
    return switch (which) {
      case "in-process" -> new NoOpProvider(recorder::arrival);
      case "node" ->
          new NodeProvider(
              Path.of(System.getProperty("bench.dir", "bench"), "node", "noop-provider.js"),
              recorder::arrival);
      default -> throw new IllegalArgumentException("--provider is in-process or node");
    };
  }

  static void create(
      String url,
      String token,
      String runUrl,
      int timers,
      Instant first,
      long intervalMillis,
      long[] startMicros)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    AtomicLong failures = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < timers; i++) {
        int index = i;
        Instant start = first.plusMillis(intervalMillis * i / timers);
        startMicros[i] = start.toEpochMilli() * 1000;
        pending.add(
            pool.submit(
                () -> {
                  String body =
                      "{\"name\":\"bench-"
                          + index
                          + "\",\"start\":\""
                          + start
                          + "\",\"interval\":"
                          + intervalMillis / 1000.0
                          + ",\"callback_url\":\""
                          + runUrl
                          + "\",\"callback_body\":{\"body\":{\"i\":"
                          + index
                          + "}}}";
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(url + "/jobs"))
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build();
                  HttpResponse<String> response =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  // An overloaded service answers 503 "try again shortly"; clients do so.
                  for (int attempt = 1; response.statusCode() == 503 && attempt <= 10; attempt++) {
                    retried.incrementAndGet();
                    Thread.sleep(100L * attempt);
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                  }
                  if (response.statusCode() != 201) {
                    if (failures.incrementAndGet() == 1) {
                      System.err.printf(
                          "creating a timer failed: %d %s%n",
                          response.statusCode(), response.body());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : pending) {
        future.get();
      }
    }
    if (retried.get() > 0) {
      System.out.printf("creation: %,d answers were 503 and retried%n", retried.get());
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " timers could not be created");
    }
  }
}
