package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

/** A run that hangs ACTIVE at its provider ends at its deadline and stops blocking later ticks. */
class RunTimeoutTest {

  @TempDir static Path home;
  static TestService service;
  static FakeActionProvider provider;
  static Api api;

  @BeforeAll
  static void start() {
    service =
        TestService.start(home, Map.of("min_interval_seconds", "1", "run_timeout_seconds", "2"));
    provider = new FakeActionProvider();
    provider.actionDuration = Duration.ofHours(1);
    api = new Api(service.url(), service.token());
  }

  @AfterAll
  static void stop() {
    service.close();
    provider.close();
  }

  @Test
  void aHungRunIsCancelledRecordedAsTimedOutAndTheNextTickFires() {
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \"hangs\", \"start\": \""
                + Instant.now()
                + "\", \"interval\": 4, \"callback_url\": \""
                + provider.runUrl()
                + "\", \"callback_body\": {\"body\": {}}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("job_id").asText();

    await().atMost(Duration.ofSeconds(30)).until(() -> provider.submissions().size() >= 2);
    JsonNode results = api.get("/jobs/" + id + "?page_size=10").body().path("results").path("data");
    JsonNode first = results.get(results.size() - 1);
    assertThat(first.path("run_status").asText()).isEqualTo("FAILED");
    assertThat(first.path("errors").get(0).asText())
        .startsWith("timed out: still ACTIVE")
        .contains("run timeout of 2 s")
        .contains("cancelled at the provider");
    assertThat(provider.cancelled()).contains(first.path("action_id").asText());
    assertThat(
            Duration.between(
                Instant.parse(first.path("ran_at").asText()),
                Instant.parse(first.path("end_timestamp").asText())))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    JsonNode job = api.get("/jobs/" + id).body();
    assertThat(job.get("n_errors").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(job.get("status").asText()).isEqualTo("loaded");
  }
}
