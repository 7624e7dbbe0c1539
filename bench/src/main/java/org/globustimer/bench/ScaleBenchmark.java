package org.globustimer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;

/**
 * Many idle timers beside a few due ones: N active timers loaded straight into the embedded store
 * (each a copy of one the API created, planned as the API plans it, due over the next 30 days),
 * then D timers created through the API that fire at a steady rate against a no-op provider while
 * the service runs normally over all of them. Prints the load time, the database's size, the claim
 * queries' plans and cost over the idle timers, firing lag of the due timers, and heap after GC.
 * Run it with the heap capped (bench/run gives it 1 GiB) to show what the engine keeps in memory.
 *
 * <p>Usage: {@code bench/run scale --timers 1000000 --due 1000 --rate 100 --seconds 30}
 */
public final class ScaleBenchmark {

  private static final int LOAD_BATCH = 5_000;

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Options.parse(
            args,
            Map.of(
                "timers", "1000000", "due", "1000", "rate", "100", "seconds", "30", "warmup",
                "10"));
    int timers = Integer.parseInt(options.get("timers"));
    int due = Integer.parseInt(options.get("due"));
    double rate = Double.parseDouble(options.get("rate"));
    int seconds = Integer.parseInt(options.get("seconds"));
    int warmup = Integer.parseInt(options.get("warmup"));
    long intervalMillis = Math.round(due / rate * 1000);
    Path home = Files.createTempDirectory("globus-timer-bench");
    TimerService service =
        TimerService.start(
            SettingsLoader.load(
                new String[] {
                  "--home", home.toString(), "--port", "0", "--min-interval-seconds", "1"
                },
                Map.of()),
            Clock.systemUTC());
    try {
      String token = Files.readString(home.resolve("token")).trim();
      load(service, token, timers);
      report(service, "after loading");
      ClaimQueryReport.print(service.store().sqliteFile());

      long[] startMicros = new long[due];
      long intervalMicros = intervalMillis * 1000;
      FiringRecorder recorder = new FiringRecorder(startMicros, intervalMicros);
      try (NoOpProvider provider = new NoOpProvider(recorder::arrival)) {
        Instant firstStart = Instant.now().plusSeconds(5);
        FiringBenchmark.create(
            service.url(), token, provider.runUrl(), due, firstStart, intervalMillis, startMicros);
        long firstMicros = Math.max(firstStart.toEpochMilli() * 1000, NoOpProvider.nowMicros());
        long from = firstMicros + intervalMicros + warmup * 1_000_000L;
        long to = from + seconds * 1_000_000L;
        recorder.window(from, to);
        System.out.printf(
            "%,d due timers every %.1f s beside %,d idle ones, firing for %d s…%n",
            due, intervalMillis / 1000.0, timers, seconds);
        Thread.sleep(Math.max(0, (to - NoOpProvider.nowMicros()) / 1000 + 2_000));
        System.gc();
        recorder.report(due, rate, seconds, usedHeap());
      }
      report(service, "after firing");
    } finally {
      service.close();
    }
    System.exit(0);
  }

  /** The fast path: copies of one API-created timer, inserted in large transactions. */
  private static void load(TimerService service, String token, int timers) throws Exception {
    TimerRow template = TemplateTimer.create(service, token);
    TimerCopies copies = new TimerCopies(template);
    Instant now = Instant.now();
    long spreadMillis = Duration.ofDays(30).toMillis();
    long started = System.nanoTime();
    for (int from = 0; from < timers; from += LOAD_BATCH) {
      List<TimerRow> batch = new ArrayList<>(LOAD_BATCH);
      for (int i = from; i < Math.min(timers, from + LOAD_BATCH); i++) {
        Instant start = now.plus(Duration.ofDays(1)).plusMillis(spreadMillis * i / timers);
        batch.add(copies.copy(i, start, now));
      }
      service
          .store()
          .inTransaction(
              tx -> {
                batch.forEach(tx::insertTimer);
                return null;
              });
    }
    double took = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "loaded %,d active timers into the store in %.1f s (%,.0f/s)%n",
        timers, took, timers / took);
  }

  private static void report(TimerService service, String when) throws Exception {
    System.gc();
    System.out.printf("heap after GC    %,d MiB (%s)%n", usedHeap() >> 20, when);
  }

  private static long usedHeap() {
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }
}
