package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end: the real service firing at a fake provider over real HTTP. */
class FiringTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path home;
  TestService service;
  FakeActionProvider provider;
  Api api;

  @BeforeEach
  void start() {
    service = TestService.start(home);
    provider = new FakeActionProvider();
    api = new Api(service.url(), service.token());
  }

  @AfterEach
  void stop() {
    service.close();
    provider.close();
  }

  private String create(Instant start, Double interval, String end) {
    String body =
        "{\"name\": \"t\", \"start\": \""
            + start
            + "\", \"interval\": "
            + interval
            + ", \"callback_url\": \""
            + provider.runUrl()
            + "\", \"callback_body\": {\"body\": {\"n\": 1}}"
            + (end == null ? "" : ", \"stop_after\": " + end)
            + "}";
    Api.Answer created = api.post("/jobs/", body);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  private JsonNode job(String id) {
    return api.get("/jobs/" + id).body();
  }

  @Test
  void firesEachTickOnItsInstantAndNeverEarly() {
    Instant start = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String id = create(start, 1.0, "{\"n_runs\": 3}");
    await().atMost(PATIENCE).until(() -> job(id).get("status").asText().equals("ended"));
    List<FakeActionProvider.Submission> fired = provider.submissions();
    assertThat(fired).hasSize(3);
    for (int n = 0; n < 3; n++) {
      Instant tick = start.plusSeconds(n);
      Instant arrived = fired.get(n).arrivedAt();
      assertThat(arrived).as("tick %d is not fired early", n).isAfterOrEqualTo(tick);
      assertThat(arrived).as("tick %d fires before the next tick", n).isBefore(tick.plusSeconds(1));
    }
    assertThat(new HashSet<>(provider.requestIds())).hasSize(3);
    JsonNode job = job(id);
    assertThat(job.get("n_runs").asInt()).isEqualTo(3);
    assertThat(job.get("activity").isNull()).isTrue();
    assertThat(
            job.get("results").get("data").findValuesAsText("tick_at").stream()
                .map(Instant::parse)
                .toList())
        .containsExactly(start.plusSeconds(2), start.plusSeconds(1), start);
  }

  @Test
  void keepsTheLastTenResultsAndPagesToOlderOnes() {
    String id = create(Instant.now(), 1.0, "{\"n_runs\": 12}");
    await().atMost(PATIENCE).until(() -> job(id).get("status").asText().equals("ended"));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                job(id)
                    .get("results")
                    .get("data")
                    .get(0)
                    .get("run_status")
                    .asText()
                    .equals("SUCCEEDED"));
    JsonNode results = job(id).get("results");
    assertThat(results.get("data")).hasSize(10);
    assertThat(results.get("page_next").isNull()).isFalse();
    JsonNode older =
        api.get("/jobs/" + id + "?results_pt=" + results.get("page_next").asText())
            .body()
            .get("results");
    assertThat(older.get("data")).hasSize(2);
    assertThat(older.get("page_next").isNull()).isTrue();
    JsonNode first = results.get("data").get(0);
    assertThat(first.get("http_status_submission").asInt()).isEqualTo(202);
    assertThat(first.get("data").get("status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void skipsTicksWhileThePreviousRunIsInProgress() {
    provider.actionDuration = Duration.ofMillis(2_500);
    String id = create(Instant.now(), 1.0, "{\"n_runs\": 2}");
    await()
        .atMost(PATIENCE)
        .until(() -> job(id).get("activity").path("code").asText().equals("run_in_progress"));
    await().atMost(PATIENCE).until(() -> job(id).get("status").asText().equals("ended"));
    List<FakeActionProvider.Submission> fired = provider.submissions();
    assertThat(fired).hasSize(2);
    assertThat(Duration.between(fired.get(0).arrivedAt(), fired.get(1).arrivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(2_500));
    JsonNode job = job(id);
    assertThat(job.get("n_skipped").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(job.get("n_runs").asInt()).isEqualTo(2);
  }

  @Test
  void retriesTransientFailuresWithTheSameRequestId() {
    provider.failNext.set(2);
    String id = create(Instant.now(), 60.0, null);
    await().atMost(PATIENCE).until(() -> provider.submissions().size() == 3);
    assertThat(new HashSet<>(provider.requestIds())).hasSize(1);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                job(id)
                    .get("results")
                    .get("data")
                    .get(0)
                    .get("run_status")
                    .asText()
                    .equals("SUCCEEDED"));
    JsonNode job = job(id);
    assertThat(job.get("n_runs").asInt()).isEqualTo(1);
    assertThat(job.get("n_errors").asInt()).isZero();
  }

  @Test
  void countsARefusedSubmissionAsAnError() {
    provider.refuseWith = 400;
    String id = create(Instant.now(), null, null);
    await().atMost(PATIENCE).until(() -> job(id).get("status").asText().equals("ended"));
    JsonNode job = job(id);
    assertThat(job.get("n_errors").asInt()).isEqualTo(1);
    JsonNode result = job.get("results").get("data").get(0);
    assertThat(result.get("run_status").asText()).isEqualTo("FAILED");
    assertThat(result.get("errors").toString()).contains("refused by the fake provider");
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void aProviderRefusingOurCredentialsMakesTheTimerInactive() {
    provider.refuseWith = 401;
    String id = create(Instant.now(), 60.0, null);
    await().atMost(PATIENCE).until(() -> job(id).get("status").asText().equals("inactive"));
    JsonNode job = job(id);
    assertThat(job.get("inactive_reason").get("cause").asText())
        .isEqualTo("globus_auth_requirements");
    assertThat(job.get("activity").get("reason").asText()).isEqualTo("globus_auth_requirements");
  }

  @Test
  void resumeRunsATickMissedWhilePausedOnce() {
    Instant start = Instant.now().plusSeconds(1);
    String id = create(start, 2.0, null);
    await().atMost(PATIENCE).until(() -> provider.submissions().size() == 1);
    api.post("/jobs/" + id + "/pause", null);
    int before = provider.submissions().size();
    await().pollDelay(Duration.ofMillis(4_500)).atMost(PATIENCE).until(() -> true);
    assertThat(provider.submissions()).hasSize(before);
    api.post("/jobs/" + id + "/resume", null);
    await().atMost(PATIENCE).until(() -> provider.submissions().size() == before + 1);
    await().pollDelay(Duration.ofMillis(300)).until(() -> true);
    assertThat(provider.submissions()).as("missed ticks collapse into one run").hasSize(before + 1);
  }

  @Test
  void resumeCanWaitForTheNextScheduledTick() {
    String id = create(Instant.now().plusSeconds(1), 3.0, null);
    await().atMost(PATIENCE).until(() -> provider.submissions().size() == 1);
    api.post("/jobs/" + id + "/pause", null);
    await().pollDelay(Duration.ofMillis(3_500)).atMost(PATIENCE).until(() -> true);
    api.post("/jobs/" + id + "/resume?resume_policy=wait_for_next_scheduled", null);
    JsonNode job = job(id);
    Instant next = Instant.parse(job.get("next_run").asText());
    assertThat(next).isAfter(Instant.now());
    await().pollDelay(Duration.ofMillis(200)).until(() -> true);
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void aDeletedTimerStopsFiringAndKeepsItsResults() {
    String id = create(Instant.now(), 1.0, null);
    await().atMost(PATIENCE).until(() -> provider.submissions().size() >= 2);
    api.delete("/jobs/" + id);
    int fired = provider.submissions().size();
    await().pollDelay(Duration.ofMillis(2_500)).atMost(PATIENCE).until(() -> true);
    assertThat(provider.submissions().size()).isLessThanOrEqualTo(fired + 1);
    JsonNode job = job(id);
    assertThat(job.get("status").asText()).isEqualTo("deleted");
    assertThat(job.get("results").get("data").size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRestartFiresNoTickTwiceAndCollapsesTheMissedOnes() {
    Instant start = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String id = create(start, 1.0, null);
    await().atMost(PATIENCE).until(() -> provider.submissions().size() >= 3);
    service.stop();
    int beforeRestart = provider.submissions().size();
    await().pollDelay(Duration.ofMillis(3_200)).atMost(PATIENCE).until(() -> true);
    assertThat(provider.submissions()).hasSize(beforeRestart);
    service.startAgain();
    api = new Api(service.url(), service.token());
    await().atMost(PATIENCE).until(() -> provider.submissions().size() >= beforeRestart + 3);
    List<FakeActionProvider.Submission> fired = provider.submissions();
    assertThat(new HashSet<>(provider.requestIds())).hasSize(fired.size());
    Duration firstGap =
        Duration.between(
            fired.get(beforeRestart).arrivedAt(), fired.get(beforeRestart + 1).arrivedAt());
    assertThat(firstGap).as("no burst after the restart").isGreaterThan(Duration.ofMillis(100));
    Instant afterRestart = fired.get(beforeRestart + 1).arrivedAt();
    long sinceStart = Duration.between(start, afterRestart).toMillis();
    assertThat(sinceStart % 1000).as("later ticks stay on the grid").isLessThan(500);
    JsonNode results = job(id).get("results").get("data");
    assertThat(new HashSet<>(results.findValuesAsText("tick_at"))).hasSize(results.size());
  }

  @Test
  void aRunLeftSubmittingByACrashIsSubmittedAgainWithItsRequestId() {
    String id = create(Instant.now().plusSeconds(3600), 3600.0, null);
    UUID timerId = UUID.fromString(id);
    long slot = Instant.now().minusSeconds(5).toEpochMilli();
    service
        .service()
        .store()
        .inTransaction(
            tx -> {
              tx.insertRun(
                  RunRow.submitting(
                      timerId,
                      slot,
                      Instant.ofEpochMilli(slot),
                      RequestIds.of(timerId, slot),
                      Instant.now(),
                      Instant.now().plusSeconds(600)));
              TimerState s = tx.findTimer(timerId).orElseThrow().state();
              TimerState.Builder b = s.toBuilder();
              b.pendingSlot = slot;
              b.dueAt = Instant.now();
              tx.updateState(timerId, s.version(), b.build());
              return null;
            });
    await().atMost(PATIENCE).until(() -> provider.submissions().size() == 1);
    assertThat(provider.requestIds()).containsExactly(RequestIds.of(timerId, slot));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                job(id)
                    .get("results")
                    .get("data")
                    .get(0)
                    .get("run_status")
                    .asText()
                    .equals("SUCCEEDED"));
  }

  @Test
  void aUrlNoLongerAllowedIsNotCalledAtFiringTime() {
    String id = create(Instant.now().plusSeconds(2), null, null);
    service.stop();
    try (TestService narrowed =
        TestService.start(home, Map.of("allowed_action_urls", "https://only.example.org/"))) {
      Api narrowedApi = new Api(narrowed.url(), narrowed.token());
      await()
          .atMost(PATIENCE)
          .until(() -> narrowedApi.get("/jobs/" + id).body().get("n_errors").asInt() == 1);
      JsonNode result = narrowedApi.get("/jobs/" + id).body().get("results").get("data").get(0);
      assertThat(result.get("run_status").asText()).isEqualTo("FAILED");
      assertThat(result.get("errors").toString()).contains("allowed_action_urls");
      assertThat(provider.submissions()).isEmpty();
    }
  }
}
