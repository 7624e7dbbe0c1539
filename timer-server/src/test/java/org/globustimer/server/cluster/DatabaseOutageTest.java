package org.globustimer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under load: while it is down the API answers 503 with a clear error and the
 * engines stop claiming; when it is back both recover on their own, and no tick fires twice or is
 * lost beyond the collapse of the ticks that fell inside the outage.
 */
class DatabaseOutageTest {

  // a server of its own: stopping the shared one would fail the tests running beside this one
  final TestPostgres postgres = TestPostgres.ownServer();
  final List<ServiceProcess> nodes = new ArrayList<>();
  FakeActionProvider provider;

  @AfterEach
  void stop() {
    nodes.forEach(ServiceProcess::close);
    if (provider != null) {
      provider.close();
    }
    postgres.close();
  }

  @Test
  void aRestartUnderLoadAnswers503ThenRecoversWithNoTickFiredTwice() throws Exception {
    TestPostgres.Database db = postgres.newDatabase();
    provider = new FakeActionProvider();
    nodes.addAll(Cluster.startNodes(db, 2, Map.of("lease_seconds", "5")));
    int timers = 300;
    int runs = 12;
    Duration interval = Duration.ofSeconds(1);
    Instant start = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    Cluster.createTimers(nodes, provider, timers, i -> start, interval, runs);
    await().atMost(Duration.ofSeconds(30)).until(() -> provider.requestIds().size() > timers * 2);
    List<Api> apis = nodes.stream().map(n -> new Api(n.url(), nodes.getFirst().token())).toList();

    postgres.stop();
    for (Api api : apis) {
      Api.Answer refused =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> api.get("/jobs/"), answer -> answer.status() != 200);
      assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
      assertThat(refused.body().at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
      assertThat(refused.body().at("/error/detail").asText()).contains("database is unavailable");
      assertThat(api.get("/health").status()).isEqualTo(503);
    }
    int firedWhileDown = provider.requestIds().size();
    postgres.start();
    Instant back = Instant.now();

    for (Api api : apis) {
      await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/jobs/").status() == 200);
      assertThat(api.get("/health").status()).isEqualTo(200);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Cluster.scheduledTimers(db) == 0);

    assertThat(provider.requestIds().size()).as("firing resumed").isGreaterThan(firedWhileDown);
    List<Cluster.Run> fired = Cluster.runs(db);
    Map<UUID, List<Cluster.Run>> byTimer =
        fired.stream().collect(Collectors.groupingBy(Cluster.Run::timerId));
    assertThat(byTimer).hasSize(timers);
    byTimer.values().forEach(r -> assertThat(r).as("every timer ran all its runs").hasSize(runs));
    assertThat(Cluster.unsuccessful(db)).as("runs that did not succeed").isEmpty();
    Map<String, Long> posts =
        provider.requestIds().stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(posts.keySet())
        .isEqualTo(fired.stream().map(Cluster.Run::requestId).collect(Collectors.toSet()));
    Map<String, Instant> tickOf =
        fired.stream().collect(Collectors.toMap(Cluster.Run::requestId, Cluster.Run::tick));
    posts.forEach(
        (requestId, count) -> {
          if (count > 1) {
            assertThat(tickOf.get(requestId))
                .as("only a tick whose answer could not be recorded is sent again, same id")
                .isBefore(back);
          }
        });
    assertThat(Cluster.lags(provider.submissions(), fired).getFirst())
        .as("earliest firing")
        .isGreaterThanOrEqualTo(Duration.ZERO);
  }
}
