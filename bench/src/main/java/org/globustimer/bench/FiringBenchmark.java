package org.globustimer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;

/**
 * N recurring timers, created through the API with starts spread evenly over one interval so they
 * fire at a steady rate, against a no-op provider on loopback. Prints firing lag (arrival at the
 * provider minus the tick) p50/p99/max, sustained firings per second, and heap.
 *
 * <p>Usage: {@code bench/run firing --timers 10000 --rate 1000 --seconds 30}
 */
public final class FiringBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Options.parse(
            args, Map.of("timers", "10000", "rate", "1000", "seconds", "30", "warmup", "10"));
    int timers = Integer.parseInt(options.get("timers"));
    double rate = Double.parseDouble(options.get("rate"));
    int seconds = Integer.parseInt(options.get("seconds"));
    int warmup = Integer.parseInt(options.get("warmup"));
    long intervalMillis = Math.round(timers / rate * 1000);
    if (intervalMillis < 1000) {
      throw new IllegalArgumentException("timers / rate must be at least 1 second");
    }
    Path home = Files.createTempDirectory("globus-timer-bench");
    TimerService service =
        TimerService.start(
            SettingsLoader.load(
                new String[] {
                  "--home",
                  home.toString(),
                  "--port",
                  "0",
                  "--min-interval-seconds",
                  "1",
                  "--database-pool-size",
                  "32"
                },
                Map.of()),
            Clock.systemUTC());
    String token = Files.readString(home.resolve("token")).trim();

    long[] startMicros = new long[timers];
    long intervalMicros = intervalMillis * 1000;
    long measureFrom = 0;
    long measureTo = Long.MAX_VALUE;
    Recorder recorder = new Recorder(startMicros, intervalMicros);
    try (NoOpProvider provider = new NoOpProvider(recorder::arrival)) {
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
      long waitMillis = (measureTo - NoOpProvider.nowMicros()) / 1000 + 2_000;
      System.out.printf(
          "interval %.1f s, firing for %d s after %d s of warm-up…%n",
          intervalMillis / 1000.0, seconds, (measureFrom - firstMicros) / 1_000_000);
      Thread.sleep(Math.max(0, waitMillis));
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      recorder.report(timers, rate, seconds, heap);
    } finally {
      service.close();
    }
    // Nothing of the service may keep the benchmark's JVM alive (and firing) after its report.
    System.exit(0);
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

  /** Collects lag of arrivals inside the measuring window. */
  static final class Recorder {
    private final long[] startMicros;
    private final long intervalMicros;
    private volatile long from = Long.MAX_VALUE;
    private volatile long to = Long.MAX_VALUE;
    private final LongAdder early = new LongAdder();
    private final AtomicLong[] worstPerSecond = new AtomicLong[3_600];

    {
      for (int i = 0; i < worstPerSecond.length; i++) {
        worstPerSecond[i] = new AtomicLong();
      }
    }

    private final List<long[]> chunks = new ArrayList<>();
    private long[] current = new long[1 << 16];
    private int used;

    Recorder(long[] startMicros, long intervalMicros) {
      this.startMicros = startMicros;
      this.intervalMicros = intervalMicros;
    }

    void window(long from, long to) {
      this.from = from;
      this.to = to;
    }

    void arrival(String request, long arrivedMicros) {
      int at = request.indexOf("\"i\":") + 4;
      int end = at;
      while (end < request.length() && Character.isDigit(request.charAt(end))) {
        end++;
      }
      int index = Integer.parseInt(request.substring(at, end));
      long start = startMicros[index];
      if (arrivedMicros < start) {
        early.increment();
        return;
      }
      long tick = start + (arrivedMicros - start) / intervalMicros * intervalMicros;
      if (tick < from || tick >= to) {
        return;
      }
      record(arrivedMicros - tick);
      int second = (int) ((tick - from) / 1_000_000);
      if (second < worstPerSecond.length) {
        worstPerSecond[second].accumulateAndGet(arrivedMicros - tick, Math::max);
      }
    }

    private synchronized void record(long lagMicros) {
      if (used == current.length) {
        chunks.add(current);
        current = new long[current.length];
        used = 0;
      }
      current[used++] = lagMicros;
    }

    synchronized void report(int timers, double rate, int seconds, long heap) {
      int total = chunks.size() * current.length + used;
      long[] lags = new long[total];
      int k = 0;
      for (long[] chunk : chunks) {
        System.arraycopy(chunk, 0, lags, k, chunk.length);
        k += chunk.length;
      }
      System.arraycopy(current, 0, lags, k, used);
      Arrays.sort(lags);
      long expected = Math.round(rate * seconds);
      System.out.println();
      System.out.printf("timers           %,d%n", timers);
      System.out.printf("target rate      %,.0f firings/s%n", rate);
      System.out.printf(
          "fired in window  %,d of %,d expected ticks (%d s)%n", total, expected, seconds);
      System.out.printf("sustained        %,.0f firings/s%n", total / (double) seconds);
      if (total > 0) {
        System.out.printf("lag p50          %.2f ms%n", lags[total / 2] / 1000.0);
        System.out.printf("lag p99          %.2f ms%n", lags[(int) (total * 0.99)] / 1000.0);
        System.out.printf("lag max          %.2f ms%n", lags[total - 1] / 1000.0);
      }
      System.out.printf("early firings    %d%n", early.sum());
      long over = Arrays.stream(lags).filter(lag -> lag > 10_000).count();
      System.out.printf("lag over 10 ms   %,d firings%n", over);
      StringBuilder worst = new StringBuilder();
      for (int second = 0; second < seconds; second++) {
        worst.append(String.format(" %d", worstPerSecond[second].get() / 1000));
      }
      System.out.println("max lag per second of the window (ms):" + worst);
      System.out.printf("heap after GC    %,d MiB (service and provider in one JVM)%n", heap >> 20);
    }
  }
}
