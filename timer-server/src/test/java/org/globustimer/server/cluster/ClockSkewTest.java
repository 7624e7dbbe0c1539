package org.globustimer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.globustimer.server.TimerService;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes whose clocks are 2 s off (see docs/decisions/cluster-clock-skew.md): a node fires by its
 * own clock, so early or late by its skew, but a tick never fires twice.
 */
class ClockSkewTest {

  private static final Duration SKEW = Duration.ofSeconds(2);

  @TempDir Path homes;
  TestPostgres.Database db;
  FakeActionProvider provider;
  final List<TimerService> services = new ArrayList<>();

  @BeforeEach
  void prepare() {
    db = TestPostgres.get().newDatabase();
    provider = new FakeActionProvider();
  }

  @AfterEach
  void stop() {
    services.forEach(TimerService::close);
    provider.close();
  }

  private TimerService node(String nodeId, Duration offset) {
    TimerService service =
        Cluster.inProcessNode(
            homes, nodeId, db, Duration.ofSeconds(10), Clock.offset(Clock.systemUTC(), offset));
    services.add(service);
    return service;
  }

  private List<Instant> createTimers(TimerService via, int count, int runs) {
    String token = homes.resolve(via.settings().nodeId()).resolve("token").toString();
    Api api = new Api(via.url(), readToken(token));
    Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < count; i++) {
      Api.Answer created =
          api.post(
              "/jobs/",
              "{\"start\": \""
                  + start
                  + "\", \"interval\": 1, \"callback_url\": \""
                  + provider.runUrl()
                  + "\", \"callback_body\": {\"body\": {}}, \"stop_after\": {\"n_runs\": "
                  + runs
                  + "}}");
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }
    List<Instant> ticks = new ArrayList<>();
    for (int n = 0; n < runs; n++) {
      ticks.add(start.plusSeconds(n));
    }
    return ticks;
  }

  private static String readToken(String file) {
    try {
      return java.nio.file.Files.readString(Path.of(file)).trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Duration> awaitFirings(int expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> provider.requestIds().size() >= expected);
    // Every timer has ended (its last run settled), so no tick is left that could still fire.
    await().atMost(Duration.ofSeconds(30)).until(() -> Cluster.scheduledTimers(db) == 0);
    List<Cluster.Run> runs = Cluster.runs(db);
    assertThat(provider.requestIds()).as("each tick once").hasSize(expected);
    assertThat(new HashSet<>(provider.requestIds())).hasSize(expected);
    assertThat(runs).hasSize(expected);
    return Cluster.lags(provider.submissions(), runs);
  }

  @Test
  void aNodeTwoSecondsAheadFiresTwoSecondsEarlyButOnce() {
    TimerService ahead = node("node-ahead", SKEW);
    createTimers(ahead, 20, 3);
    List<Duration> lags = awaitFirings(60);
    assertThat(lags.getFirst())
        .as("never earlier than its skew")
        .isGreaterThan(SKEW.negated().minusMillis(50));
    assertThat(Cluster.percentile(lags, 0.5)).as("typically early by its skew").isNegative();
  }

  @Test
  void nodesAheadAndBehindTogetherFireEveryTickExactlyOnce() {
    TimerService ahead = node("node-ahead", SKEW);
    node("node-behind", SKEW.negated());
    createTimers(ahead, 100, 4);
    List<Duration> lags = awaitFirings(400);
    Api api =
        new Api(ahead.url(), readToken(homes.resolve("node-ahead").resolve("token").toString()));
    Api.Answer cluster = api.get("/cluster");
    assertThat(cluster.status()).isEqualTo(200);
    assertThat(cluster.body().get("nodes").findValuesAsText("node_id"))
        .containsExactly("node-ahead", "node-behind");
    assertThat(new Api(ahead.url(), null).get("/cluster").status()).isEqualTo(401);
    assertThat(lags.getFirst())
        .as("never earlier than the skew")
        .isGreaterThan(SKEW.negated().minusMillis(50));
  }
}
