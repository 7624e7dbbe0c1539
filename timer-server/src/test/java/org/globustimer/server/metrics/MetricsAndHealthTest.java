package org.globustimer.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} in the Prometheus text format and the health checks, over real HTTP. */
class MetricsAndHealthTest {

  @TempDir static Path home;
  static TestService service;
  static FakeActionProvider working;
  static FakeActionProvider broken;
  static Api api;
  static Api anonymous;

  @BeforeAll
  static void start() {
    service = TestService.start(home, Map.of("min_interval_seconds", "1"));
    working = new FakeActionProvider();
    broken = new FakeActionProvider();
    broken.refuseWith = 400;
    api = new Api(service.url(), service.token());
    anonymous = new Api(service.url(), null);
  }

  @AfterAll
  static void stop() {
    service.close();
    working.close();
    broken.close();
  }

  private static void create(String url) {
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \"metered\", \"start\": \""
                + Instant.now()
                + "\", \"interval\": 3600, \"callback_url\": \""
                + url
                + "\", \"callback_body\": {\"body\": {}}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
  }

  /**
   * The value of one series, e.g. {@code globus_timer_firings_total{outcome="failed"}}; 0 if
   * absent.
   */
  static double value(String scrape, String series) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  @Test
  void countsFiringsAndFailuresAndTheirLagWithoutAToken() {
    create(working.runUrl());
    create(broken.runUrl());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String scrape = anonymous.get("/metrics").raw();
              return value(scrape, "globus_timer_runs_finished_total{outcome=\"succeeded\"}") >= 1
                  && value(scrape, "globus_timer_runs_finished_total{outcome=\"failed\"}") >= 1;
            });
    Api.Answer answer = anonymous.get("/metrics");
    assertThat(answer.status()).isEqualTo(200);
    String scrape = answer.raw();
    assertThat(value(scrape, "globus_timer_firings_total{outcome=\"succeeded\"}"))
        .as(scrape)
        .isEqualTo(1);
    assertThat(value(scrape, "globus_timer_firings_total{outcome=\"failed\"}")).isEqualTo(1);
    assertThat(value(scrape, "globus_timer_runs_finished_total{outcome=\"failed\"}")).isEqualTo(1);
    assertThat(value(scrape, "globus_timer_firing_lag_seconds_count")).isEqualTo(2);
    // every firing waited for commits; on SQLite the log's checkpointer is measured too
    assertThat(value(scrape, "globus_timer_store_commits_seconds_count")).isGreaterThan(2);
    assertThat(scrape)
        .contains("globus_timer_store_checkpoints_passive_seconds_count")
        .contains("globus_timer_store_checkpoints_tail_incomplete_total")
        .contains("globus_timer_store_wal_frames");
    assertThat(scrape)
        .contains("# TYPE globus_timer_firing_lag_seconds histogram")
        .contains("globus_timer_firing_lag_seconds_bucket{le=\"0.1\"}")
        .contains("globus_timer_claims_total{kind=\"timer\"")
        .contains("hikaricp_connections_active{pool=\"timer-store\"}")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                value(anonymous.get("/metrics").raw(), "globus_timer_timers{status=\"loaded\"}")
                    == 2);
    assertThat(value(anonymous.get("/metrics").raw(), "globus_timer_runs_in_progress"))
        .isEqualTo(0);
  }

  @Test
  void theServiceIsLiveAndReadyWhenItsDatabaseAnswersAndItClaims() {
    Api.Answer live = anonymous.get("/health/live");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body().get("status").asText()).isEqualTo("ok");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> anonymous.get("/health/ready").status() == 200);
    assertThat(anonymous.get("/health/ready").body().get("node_id").asText())
        .isEqualTo(service.service().settings().nodeId());
  }
}
