package org.globustimer.benchpeers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.benchpeers.Postgres.Database;

/**
 * The same workload — N recurring jobs firing at a steady rate, each firing one no-op HTTP action
 * on loopback — through our engine, db-scheduler and Quartz, one after another on one PostgreSQL
 * server, a fresh database each. Prints sustained firings/s, lag p50/p99/max, database transactions
 * per firing and ticks never fired, one Markdown row per run.
 *
 * <p>Options (defaults): --systems ours,dbs-default,dbs-tuned,quartz --rates 200,1000
 * --two-node-rates 1000 --interval 10 --seconds 30 --warmup 5 --grace 10; or, instead of the rates,
 * --ladder 1000,2000,4000,8000 to find each system's ceiling on one node. PostgreSQL from
 * --pg-url/--pg-user/--pg-password or GLOBUS_TIMER_TEST_PG_URL/_USER/_PASSWORD (a role that may
 * create databases).
 */
public final class PeerBenchmark {

  private PeerBenchmark() {}

  public static void main(String[] args) {
    try {
      runAll(options(args));
      System.exit(0);
    } catch (Exception e) {
      // The schedulers' own threads would keep the JVM alive after a failed run.
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void runAll(Map<String, String> o) throws Exception {
    Postgres postgres = new Postgres(o.get("pg-url"), o.get("pg-user"), o.get("pg-password"));
    int interval = Integer.parseInt(o.get("interval"));
    Timing timing =
        new Timing(
            Integer.parseInt(o.get("seconds")),
            Integer.parseInt(o.get("warmup")),
            Integer.parseInt(o.get("grace")));
    List<Scenario> scenarios = scenarios(o);
    System.out.printf(
        "PostgreSQL %s, %d runs, interval %d s, window %d s%n",
        postgres.version(), scenarios.size(), interval, timing.seconds());
    List<Result> results = new ArrayList<>();
    if (!o.get("ladder").isBlank()) {
      try (NoOpAction action = new NoOpAction()) {
        ladder(postgres, action, o, interval, timing);
      }
      return;
    }
    try (NoOpAction action = new NoOpAction()) {
      for (Scenario scenario : scenarios) {
        Result result = run(postgres, action, scenario, interval, timing);
        results.add(result);
        System.out.println(result.row());
      }
    }
    System.out.println();
    System.out.println(Result.header());
    results.forEach(result -> System.out.println(result.row()));
  }

  record Timing(int seconds, int warmup, int grace) {}

  /**
   * For each system on one node, the rates of {@code --ladder} in turn until one it falls behind at
   * (a missed, doubled or early tick, or under 95% of the rate sustained); then its ceiling, the
   * last rate it kept up with, and the lag there.
   */
  private static void ladder(
      Postgres postgres, NoOpAction action, Map<String, String> o, int interval, Timing timing)
      throws Exception {
    List<String> ceilings = new ArrayList<>();
    for (Contender contender : contenders(o)) {
      Result kept = null;
      for (double rate : rates(o.get("ladder"))) {
        Result result = run(postgres, action, new Scenario(contender, 1, rate), interval, timing);
        System.out.println(Result.header().lines().findFirst().orElseThrow());
        System.out.println(result.row());
        if (behind(result)) {
          break;
        }
        kept = result;
      }
      ceilings.add(
          kept == null
              ? "| %s | below %s/s | – |".formatted(contender.name(), o.get("ladder").split(",")[0])
              : "| %s | %,.0f/s | %s |"
                  .formatted(
                      contender.name(),
                      kept.scenario().rate(),
                      Result.millis(kept.outcome().p99())));
    }
    System.out.println();
    System.out.println("| system | ceiling (kept up) | lag p99 there |\n|---|---:|---:|");
    ceilings.forEach(System.out::println);
  }

  static boolean behind(Result result) {
    Recorder.Outcome outcome = result.outcome();
    return outcome.missed() > 0
        || outcome.duplicates() > 0
        || outcome.early() > 0
        || result.sustained() < 0.95 * result.scenario().rate();
  }

  // The deployed nodes are only held open (and closed) by the try block, never read.
  @SuppressWarnings("try")
  private static Result run(
      Postgres postgres, NoOpAction action, Scenario scenario, int interval, Timing timing)
      throws Exception {
    Database database = postgres.create(scenario.databaseName());
    int jobs = (int) Math.round(scenario.rate() * interval);
    Instant firstStart = Instant.now().plusMillis(3_000 + jobs / 2).truncatedTo(ChronoUnit.MILLIS);
    Workload workload = new Workload(jobs, scenario.rate(), firstStart);
    long deployed = Micros.now();
    try (AutoCloseable nodes =
        scenario.contender().deploy(database, workload, scenario.nodes(), action.runUrl())) {
      long ready = Math.max(Micros.of(firstStart), Micros.now());
      System.out.printf(
          "%s, %d node(s), %,d jobs: deployed in %.1f s%n",
          scenario.contender().name(), scenario.nodes(), jobs, (Micros.now() - deployed) / 1e6);
      long from = ready + workload.intervalMicros() + timing.warmup() * 1_000_000L;
      long to = from + timing.seconds() * 1_000_000L;
      Recorder recorder = new Recorder(workload, from, to);
      action.sendTo(recorder::arrival);
      Micros.sleepUntil(from);
      long transactionsBefore = database.transactions();
      Micros.sleepUntil(to);
      long transactionsAfter = database.transactions();
      long fired = recorder.arrivalsInWindow();
      Micros.sleepUntil(to + timing.grace() * 1_000_000L);
      action.ignore();
      return new Result(
          scenario,
          fired / (double) timing.seconds(),
          recorder.outcome(),
          fired == 0 ? Double.NaN : (transactionsAfter - transactionsBefore) / (double) fired,
          recorder.expectedTicks());
    } finally {
      postgres.drop(database);
    }
  }

  private static List<Scenario> scenarios(Map<String, String> o) {
    List<Contender> contenders = contenders(o);
    List<Scenario> scenarios = new ArrayList<>();
    for (double rate : rates(o.get("rates"))) {
      contenders.forEach(c -> scenarios.add(new Scenario(c, 1, rate)));
    }
    for (double rate : rates(o.get("two-node-rates"))) {
      contenders.stream()
          .filter(c -> !c.name().equals("db-scheduler default"))
          .forEach(c -> scenarios.add(new Scenario(c, 2, rate)));
    }
    return scenarios;
  }

  private static List<Contender> contenders(Map<String, String> o) {
    List<Contender> contenders = new ArrayList<>();
    for (String name : o.get("systems").split(",")) {
      contenders.add(
          switch (name.strip()) {
            case "ours" -> new OurEngine();
            case "dbs-default" -> new DbSchedulerPeer(false);
            case "dbs-tuned" -> new DbSchedulerPeer(true);
            case "quartz" -> new QuartzPeer();
            default -> throw new IllegalArgumentException("unknown system " + name);
          });
    }
    return contenders;
  }

  private static double[] rates(String list) {
    return list.isBlank()
        ? new double[0]
        : Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    o.put("systems", "ours,dbs-default,dbs-tuned,quartz");
    o.put("rates", "200,1000");
    o.put("two-node-rates", "1000");
    o.put("ladder", "");
    o.put("interval", "10");
    o.put("seconds", "30");
    o.put("warmup", "5");
    o.put("grace", "10");
    o.put("pg-url", System.getenv().getOrDefault("GLOBUS_TIMER_TEST_PG_URL", ""));
    o.put("pg-user", System.getenv().getOrDefault("GLOBUS_TIMER_TEST_PG_USER", ""));
    o.put("pg-password", System.getenv().getOrDefault("GLOBUS_TIMER_TEST_PG_PASSWORD", ""));
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      if (!o.containsKey(key) || i + 1 == args.length) {
        throw new IllegalArgumentException("usage: --key value; known: " + o.keySet());
      }
      o.put(key, args[++i]);
    }
    if (o.get("pg-url").isBlank()) {
      throw new IllegalArgumentException(
          "no PostgreSQL: pass --pg-url or set GLOBUS_TIMER_TEST_PG_URL");
    }
    return o;
  }
}
