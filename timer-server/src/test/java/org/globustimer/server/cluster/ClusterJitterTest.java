package org.globustimer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database agree on every jittered instant, and runs fire at them: the delay after
 * each tick is recomputed here from its definition (SHA-256 of the timer id and the tick's epoch
 * milliseconds, modulo the window), independently of the service's code.
 */
class ClusterJitterTest {

  private static final int JITTER_SECONDS = 2;

  TestPostgres.Database db = TestPostgres.get().newDatabase();
  FakeActionProvider provider = new FakeActionProvider();
  List<ServiceProcess> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(ServiceProcess::close);
    provider.close();
  }

  static Instant expectedFire(String timerId, Instant tick) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(timerId.getBytes(StandardCharsets.UTF_8));
    sha.update(ByteBuffer.allocate(8).putLong(tick.toEpochMilli()).array());
    long hash = ByteBuffer.wrap(sha.digest()).getLong();
    return tick.plusMillis(Math.floorMod(hash, JITTER_SECONDS * 1000L));
  }

  private static JsonNode nextRuns(Api api, String id) {
    return api.get("/jobs/" + id + "/next?count=3").body().get("next_runs");
  }

  @Test
  void twoNodesAgreeOnEveryJitteredInstantAndFireThere() throws Exception {
    Map<String, String> settings = Map.of("lease_seconds", "5", "min_interval_seconds", "1");
    nodes.add(Cluster.startNode(db, "node-a", settings));
    nodes.add(Cluster.startNode(db, "node-b", settings));
    List<Api> apis = nodes.stream().map(n -> new Api(n.url(), nodes.getFirst().token())).toList();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Api.Answer created =
          apis.get(i % 2)
              .post(
                  "/jobs",
                  "{\"name\": \"j\", \"cron\": \"*/4 * * * * *\", \"jitter_seconds\": "
                      + JITTER_SECONDS
                      + ", \"stop_after\": {\"n_runs\": 3}, \"callback_url\": \""
                      + provider.runUrl()
                      + "\", \"callback_body\": {\"body\": {}}}");
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      ids.add(created.body().get("job_id").asText());
    }
    for (String id : ids) {
      // A run may fire between the two questions and shorten the list of the second answer; the
      // nodes must agree once both answer about the same state, and a disagreement that lasts
      // fails.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(nextRuns(apis.get(0), id))
                      .as("next runs of %s from node-a and node-b", id)
                      .isEqualTo(nextRuns(apis.get(1), id)));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Cluster.scheduledTimers(db) == 0);

    Map<String, Instant> arrivals = new HashMap<>();
    provider.submissions().forEach(s -> arrivals.putIfAbsent(s.requestId(), s.arrivedAt()));
    Map<UUID, List<Cluster.Run>> runsByTimer =
        Cluster.runs(db).stream().collect(Collectors.groupingBy(Cluster.Run::timerId));
    assertThat(runsByTimer).hasSize(ids.size());
    for (String id : ids) {
      List<Cluster.Run> runs = runsByTimer.get(UUID.fromString(id));
      assertThat(runs).hasSize(3);
      for (Cluster.Run run : runs) {
        assertThat(run.tick().getEpochSecond() % 4).isZero();
        Instant fire = expectedFire(id, run.tick());
        assertThat(arrivals.get(run.requestId()))
            .as("timer %s tick %s", id, run.tick())
            .isAfterOrEqualTo(fire);
      }
    }
  }
}
