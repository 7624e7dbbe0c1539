package org.globustimer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.globustimer.server.TimerService;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.JumpingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose clock jumps back by 10 s and later forward by 10 s while it runs beside a node with
 * a steady clock (see docs/cluster.md, "Clocks"). Set back, its leases look expired to the other
 * node at once, which takes its timers over within a lease. Set ahead, it sees every other lease as
 * expired, takes the timers and fires each one's latest due tick by its clock: the stretch it
 * jumped over collapses into one run per timer, fired a jump early, and once its clock is right
 * again the timers go on at their ticks. No tick ever runs twice, and none is missed outside those
 * two stretches.
 */
// a takeover within a five-second lease (plus 3 s) is judged against the wall clock
@Tag("alone")
class ClockJumpTest {

  // Two leases: what matters is a jump well beyond a lease, and every second of it is waited out.
  static final Duration JUMP = Duration.ofSeconds(10);
  static final Duration LEASE = Duration.ofSeconds(5);
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final int TIMERS = 40;

  @TempDir Path homes;
  TestPostgres.Database db;
  FakeActionProvider provider = new FakeActionProvider();
  final List<TimerService> services = new ArrayList<>();

  @AfterEach
  void stop() {
    services.forEach(TimerService::close);
    provider.close();
  }

  private TimerService node(String nodeId, Clock clock) {
    TimerService service = Cluster.inProcessNode(homes, nodeId, db, LEASE, clock);
    services.add(service);
    return service;
  }

  @Test
  void aNodeWhoseClockJumpsBackAndForwardByTwoLeasesNeverFiresATickTwice() throws Exception {
    db = TestPostgres.get().newDatabase();
    JumpingClock clock = new JumpingClock();
    TimerService jumpy = node("jumpy", clock);
    node("steady", Clock.systemUTC());
    Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    Api api = new Api(jumpy.url(), Files.readString(homes.resolve("jumpy/token")).trim());
    List<UUID> timers = new ArrayList<>();
    for (int i = 0; i < TIMERS; i++) {
      Api.Answer created =
          api.post(
              "/jobs/",
              "{\"start\": \""
                  + start
                  + "\", \"interval\": 1, \"callback_url\": \""
                  + provider.runUrl()
                  + "\", \"callback_body\": {\"body\": {}}}");
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      timers.add(UUID.fromString(created.body().get("job_id").asText()));
    }
    // ticks are checked from the first one after every timer exists
    Instant from = start;
    while (from.isBefore(Instant.now().plus(INTERVAL))) {
      from = from.plus(INTERVAL);
    }
    awaitEveryTimerRanAfter(timers, from.plusSeconds(2), Duration.ofSeconds(60));

    Instant backAt = Instant.now();
    clock.set(JUMP.negated());
    // the steady node takes the set-back node's timers within a lease
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !Cluster.claimsByNode(db).containsKey("jumpy"));
    awaitEveryTimerRanAfter(timers, Instant.now().plus(INTERVAL), Duration.ofSeconds(60));
    clock.set(Duration.ZERO);

    Instant forwardAt = Instant.now();
    clock.set(JUMP);
    // set ahead, it sees every lease as expired and takes the timers, firing a jump early
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Cluster.claimsByNode(db).getOrDefault("jumpy", 0L) > 0);
    awaitEveryTimerRanAfter(timers, forwardAt.plus(JUMP), Duration.ofSeconds(60));
    Instant restoredAt = Instant.now();
    clock.set(Duration.ZERO);
    // its timers are a jump ahead now: they wait for their ticks, which then run once each
    Instant until =
        restoredAt.plus(JUMP).plus(LEASE).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    awaitEveryTimerRanAfter(timers, until, JUMP.plusSeconds(60));

    ChaosReport report = new ChaosReport();
    List<ChaosReport.Window> windows =
        List.of(
            new ChaosReport.Window(backAt.minusSeconds(1), backAt.plus(LEASE).plusSeconds(3)),
            new ChaosReport.Window(forwardAt.minusSeconds(1), forwardAt.plus(JUMP).plusSeconds(1)));
    Duration tolerated = LEASE.plus(INTERVAL);
    report.ticks(timers, from, INTERVAL, until, tolerated, ChaosReport.runs(db), windows);
    report.print(System.out);
    assertThat(report.firedTwice).as("ticks fired twice").isZero();
    assertThat(report.missedOutsideWindows).as("ticks missed outside the jumps").isZero();
    assertThat(report.fired).isPositive();
  }

  private void awaitEveryTimerRanAfter(List<UUID> timers, Instant tick, Duration patience) {
    await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                Cluster.query(
                            db,
                            "SELECT COUNT(DISTINCT timer_id) FROM runs WHERE tick_at >= "
                                + tick.toEpochMilli(),
                            rs -> rs.getLong(1))
                        .getFirst()
                    == timers.size());
  }
}
