package org.globustimer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ServiceProcess;
import org.globustimer.server.testkit.Trees;
import org.globustimer.server.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on one PostgreSQL under faults: a driver kills a random node (SIGKILL or SIGTERM)
 * every so often and starts it again, and restarts PostgreSQL, while timers fire at a provider,
 * some of them notifying a webhook of every run, and transfer timers copy real files. Then it
 * checks that no tick ran twice, none was missed outside the windows the leases allow, no run's
 * notification was lost or sent for two notifications, every destination tree equals its source,
 * and no transfer action ever ran on two nodes at once. The soak runs when {@code -Dchaos.seconds}
 * says how long the faults go on ({@code bench/run chaos} runs ten minutes); {@code -Dchaos.seed}
 * replays a run. Without it a short run (a SIGKILL and a SIGTERM) is part of the default tests.
 */
// three nodes on five-second leases judged against the wall clock, and the long soak restarts
// the PostgreSQL server every other test class uses
@Tag("alone")
class ChaosSoakTest {

  /**
   * What a run does: faults for {@code chaos} (or, when {@code faults} is positive, that many node
   * faults, each once the cluster has fired every timer again after the last), with {@code
   * databaseRestarts} PostgreSQL restarts spread over them.
   */
  record Plan(
      Duration chaos,
      int faults,
      int timers,
      int notified,
      Duration interval,
      int databaseRestarts,
      int files) {}

  static final Duration CHAOS = Duration.ofSeconds(Long.getLong("chaos.seconds", 40));
  static final int TIMERS = Integer.getInteger("chaos.timers", 150);
  static final Duration INTERVAL = Duration.ofSeconds(Long.getLong("chaos.interval", 3));
  static final Duration LEASE = Duration.ofSeconds(5);
  static final String ALIAS = "https://actions.automate.globus.org/transfer/transfer/run";
  static final String TUTORIAL = "ddb59aef-6d04-11e5-ba46-22000b92c6ec";

  @TempDir Path user;
  TestPostgres.Database db;
  FakeActionProvider provider;
  WebhookReceiver webhooks;
  final Map<String, ServiceProcess> nodes = new HashMap<>();
  final Map<String, List<Instant>> kills = new HashMap<>();
  final List<ChaosReport.Window> windows = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.values().forEach(ServiceProcess::close);
    if (provider != null) {
      provider.close();
    }
    if (webhooks != null) {
      webhooks.close();
    }
  }

  private ServiceProcess node(String id) {
    return ServiceProcess.inHome(user.resolve("node-" + id), user)
        .nodeId(id)
        .database(db)
        .setting("lease_seconds", String.valueOf(LEASE.toSeconds()))
        .setting("notify_allowed_urls", webhooks.prefix())
        .quickStart()
        .jvmOption("-Dorg.slf4j.simpleLogger.showDateTime=true")
        .jvmOption("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
        .start();
  }

  @Test
  @EnabledIfSystemProperty(named = "chaos.seconds", matches = "\\d+")
  void noTickTwiceNoneMissedBeyondTheLeasesAndEveryTransferWhole() throws Exception {
    boolean brief = CHAOS.compareTo(Duration.ofMinutes(5)) < 0;
    soak(new Plan(CHAOS, 0, TIMERS, TIMERS / 5, INTERVAL, brief ? 1 : 2, 200));
  }

  /**
   * The soak in brief, in the default tests: a SIGKILL and a SIGTERM of random nodes, each once
   * every timer has fired again since the fault before; no PostgreSQL restart (other tests share
   * the server). Its tolerances are the soak's, in lease windows, not in wall-clock speed.
   */
  @Test
  @DisabledIfSystemProperty(named = "chaos.seconds", matches = "\\d+")
  void aShortRunWithAKillAndAStopLosesAndDoublesNothing() throws Exception {
    soak(new Plan(Duration.ZERO, 2, 50, 10, Duration.ofSeconds(2), 0, 100));
  }

  private void soak(Plan plan) throws Exception {
    long seed = Long.getLong("chaos.seed", System.nanoTime());
    Random random = new Random(seed);
    Duration interval = plan.interval();
    db = TestPostgres.get().newDatabase();
    provider = new FakeActionProvider();
    webhooks = new WebhookReceiver();
    for (String id : List.of("a", "b", "c")) {
      nodes.put(id, node(id));
    }
    Instant start = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
    List<UUID> timers = new ArrayList<>();
    Cluster.createTimers(
            List.copyOf(nodes.values()),
            provider,
            plan.timers() - plan.notified(),
            i -> start,
            interval,
            1_000_000)
        .forEach(id -> timers.add(UUID.fromString(id)));
    List<UUID> notified = new ArrayList<>();
    for (int i = 0; i < plan.notified(); i++) {
      notified.add(notifiedTimer(nodes.get("b").api(), start, interval));
    }
    timers.addAll(notified);
    Path source = Trees.tree(user.resolve("src"), plan.files());
    List<String> transferTimers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      transferTimers.add(transferTimer(nodes.get("a").api(), source, user.resolve("dst-" + i)));
    }

    // ticks are checked from the first one after every timer has run once and the faults begin
    await()
        .atMost(LEASE.multipliedBy(12))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> everyTimerRanSince(timers, start));
    Instant chaosStart = Instant.now();
    Instant from = start;
    while (from.isBefore(chaosStart)) {
      from = from.plus(interval);
    }
    Instant chaosEnd = chaosStart.plus(plan.chaos());
    boolean brief = plan.chaos().compareTo(Duration.ofMinutes(5)) < 0;
    int databaseRestarts = plan.databaseRestarts();
    List<Instant> databaseAt = new ArrayList<>();
    for (int i = 1; i <= databaseRestarts; i++) {
      databaseAt.add(
          Instant.now().plus(plan.chaos().multipliedBy(i).dividedBy(databaseRestarts + 1)));
    }
    System.out.printf(
        "chaos soak: seed %d, %s, %d timers every %s%n",
        seed, plan.chaos(), plan.timers(), interval);
    int faults = 0;
    while (plan.faults() > 0 ? faults < plan.faults() : Instant.now().isBefore(chaosEnd)) {
      if (plan.faults() > 0) {
        Instant since = Instant.now();
        await()
            .atMost(LEASE.multipliedBy(12))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> everyTimerRanSince(timers, since));
      } else {
        Thread.sleep(brief ? 8_000 + random.nextInt(7_000) : 10_000 + random.nextInt(20_000));
      }
      if (!databaseAt.isEmpty() && Instant.now().isAfter(databaseAt.getFirst())) {
        databaseAt.removeFirst();
        Instant down = Instant.now();
        TestPostgres.get().stop();
        Thread.sleep(3_000);
        TestPostgres.get().start();
        windows.add(
            new ChaosReport.Window(
                down.minusSeconds(1), Instant.now().plus(LEASE).plusSeconds(10)));
        System.out.println("restarted PostgreSQL at " + down);
        continue;
      }
      String victim = List.of("a", "b", "c").get(random.nextInt(3));
      ServiceProcess node = nodes.get(victim);
      Instant at = Instant.now();
      boolean kill = plan.faults() > 0 ? faults == 0 : random.nextBoolean();
      faults++;
      if (kill) {
        node.kill();
        kills.computeIfAbsent(victim, k -> new ArrayList<>()).add(Instant.now());
      } else {
        node.stop();
      }
      System.out.printf("%s node %s at %s%n", kill ? "SIGKILL" : "SIGTERM", victim, at);
      node.startAgain();
      windows.add(
          new ChaosReport.Window(at.minusSeconds(1), Instant.now().plus(LEASE).plusSeconds(5)));
    }

    // every tick until well after the last fault must be accounted for
    Instant until = Instant.now().plus(LEASE).plusSeconds(5);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> latestTicks(timers).values().stream().allMatch(t -> t.isAfter(until)));
    for (String id : transferTimers) {
      Api.Answer paused = nodes.get("b").api().post("/jobs/" + id + "/pause", "{}");
      assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
    }
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> unfinishedTransfers() == 0 && runningTransferRuns(transferTimers) == 0);

    ChaosReport report = new ChaosReport();
    Instant last =
        start.plus(
            interval.multipliedBy(Duration.between(start, until).toMillis() / interval.toMillis()));
    Duration leaseWindow = LEASE.plus(interval).plusSeconds(4);
    List<ChaosReport.Run> runs = ChaosReport.runs(db);
    report.ticks(timers, from, interval, last, leaseWindow, runs, windows);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> pendingNotifications(last) == 0);
    report.notifications(notified, from, last, runs, webhooks.deliveries());
    for (int i = 0; i < 3; i++) {
      if (!Trees.sameTree(source, user.resolve("dst-" + i))) {
        report.transfersDiffering++;
      }
    }
    Map<String, Path> logs = new HashMap<>();
    nodes
        .keySet()
        .forEach(id -> logs.put(id, user.resolve("node-" + id).resolve("logs/server.log")));
    report.transferOwnership(logs, kills);
    report.print(System.out);
    assertThat(report.firedTwice).as("ticks fired twice").isZero();
    assertThat(report.missedOutsideWindows).as("ticks missed beyond the lease windows").isZero();
    assertThat(report.transfersDiffering).as("transfers differing").isZero();
    assertThat(report.transfersRunTwiceAtOnce).as("transfers run twice at once").isZero();
    assertThat(report.notificationsLost).as("notifications lost").isZero();
    assertThat(report.notificationsDoubled).as("notifications doubled").isZero();
    assertThat(report.fired).isPositive();
  }

  private String transferTimer(Api api, Path source, Path destination) {
    ObjectNode job = Json.mapper().createObjectNode();
    job.put("name", "chaos transfer").put("start", Instant.now().plusSeconds(5).toString());
    job.put("interval", 15).put("callback_url", ALIAS);
    ObjectNode body = job.putObject("callback_body").putObject("body");
    Cluster.recursiveLocalCopy(body, TUTORIAL, source, destination);
    Api.Answer created = api.post("/jobs", job.toString());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  /** A timer that tells the webhook of every run it makes. */
  private UUID notifiedTimer(Api api, Instant start, Duration interval) {
    ObjectNode job = Json.mapper().createObjectNode();
    job.put("name", "chaos notified").put("start", start.toString());
    job.put("interval", interval.toSeconds()).put("callback_url", provider.runUrl());
    job.putObject("callback_body").putObject("body");
    job.putArray("notify_on").add("succeeded");
    job.put("notify_webhook_url", webhooks.url());
    Api.Answer created = api.post("/jobs", job.toString());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return UUID.fromString(created.body().get("job_id").asText());
  }

  private boolean everyTimerRanSince(List<UUID> timers, Instant since) {
    return latestTicks(timers).values().stream().noneMatch(t -> t.isBefore(since));
  }

  private long pendingNotifications(Instant until) {
    return Cluster.query(
            db,
            "SELECT COUNT(*) FROM notifications WHERE state = 'PENDING' AND slot <= "
                + until.toEpochMilli(),
            rs -> rs.getLong(1))
        .getFirst();
  }

  private Map<UUID, Instant> latestTicks(List<UUID> timers) {
    Map<UUID, Instant> latest = new HashMap<>();
    timers.forEach(t -> latest.put(t, Instant.EPOCH));
    Cluster.query(
            db,
            "SELECT timer_id, MAX(tick_at) FROM runs GROUP BY timer_id",
            rs -> Map.entry(rs.getObject(1, UUID.class), Instant.ofEpochMilli(rs.getLong(2))))
        .forEach(e -> latest.computeIfPresent(e.getKey(), (k, v) -> e.getValue()));
    return latest;
  }

  private long unfinishedTransfers() {
    return Cluster.query(
            db,
            "SELECT COUNT(*) FROM transfer_actions WHERE status IN ('ACTIVE', 'INACTIVE')",
            rs -> rs.getLong(1))
        .getFirst();
  }

  private long runningTransferRuns(List<String> transferTimers) {
    String ids = String.join("','", transferTimers);
    return Cluster.query(
            db,
            "SELECT COUNT(*) FROM runs WHERE timer_id::text IN ('"
                + ids
                + "') AND state NOT IN"
                + " ('SUCCEEDED', 'FAILED')",
            rs -> rs.getLong(1))
        .getFirst();
  }
}
