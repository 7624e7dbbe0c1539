package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ManualClock;
import org.globustimer.server.testkit.ManualScheduler;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on manual time: the real service (HTTP, store, engine) firing at a fake provider over
 * real HTTP, with its clock and timing queue moved by the test, so every tick, retry and status
 * check happens at an instant the test chooses and can be checked exactly.
 */
class FiringTest {

  @TempDir Path home;
  ManualClock clock;
  ManualScheduler time;
  TestService service;
  FakeActionProvider provider;
  Api api;

  @BeforeEach
  void start() {
    clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    time = new ManualScheduler(clock);
    service = TestService.startManual(home, Map.of(), time);
    provider = new FakeActionProvider(clock);
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
    time.runDue();
    return created.body().get("job_id").asText();
  }

  private JsonNode job(String id) {
    return api.get("/jobs/" + id).body();
  }

  private JsonNode latestResult(String id) {
    return job(id).at("/results/data/0");
  }

  private List<Instant> arrivals() {
    return provider.submissions().stream().map(FakeActionProvider.Submission::arrivedAt).toList();
  }

  @Test
  void firesEachTickOnItsInstantAndNeverEarly() {
    Instant start = clock.instant().plusSeconds(2);
    String id = create(start, 1.0, "{\"n_runs\": 3}");
    for (int n = 0; n < 3; n++) {
      Instant tick = start.plusSeconds(n);
      time.advanceTo(tick.minusMillis(1));
      assertThat(provider.submissions()).as("tick %d is not fired early", n).hasSize(n);
      time.advanceTo(tick);
      assertThat(arrivals())
          .as("tick %d fires on its instant", n)
          .hasSize(n + 1)
          .last()
          .isEqualTo(tick);
    }
    assertThat(new HashSet<>(provider.requestIds())).hasSize(3);
    JsonNode job = job(id);
    assertThat(job.get("status").asText()).isEqualTo("ended");
    assertThat(job.get("n_runs").asInt()).isEqualTo(3);
    assertThat(job.get("activity").isNull()).isTrue();
    JsonNode results = job.get("results").get("data");
    assertThat(results.findValuesAsText("tick_at").stream().map(Instant::parse).toList())
        .containsExactly(start.plusSeconds(2), start.plusSeconds(1), start);
    assertThat(results.findValuesAsText("ran_at")).isEqualTo(results.findValuesAsText("tick_at"));
  }

  @Test
  void keepsTheLastTenResultsAndPagesToOlderOnes() {
    String id = create(clock.instant(), 1.0, "{\"n_runs\": 12}");
    time.advance(Duration.ofSeconds(11));
    assertThat(job(id).get("status").asText()).isEqualTo("ended");
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
    assertThat(first.get("run_status").asText()).isEqualTo("SUCCEEDED");
    assertThat(first.get("http_status_submission").asInt()).isEqualTo(202);
    assertThat(first.get("data").get("status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void skipsTicksWhileThePreviousRunIsInProgress() {
    provider.actionDuration = Duration.ofMillis(2_500);
    Instant start = clock.instant();
    String id = create(start, 1.0, "{\"n_runs\": 2}");
    assertThat(job(id).get("activity").path("code").asText()).isEqualTo("run_in_progress");
    time.advance(Duration.ofMillis(2_999));
    assertThat(provider.submissions()).hasSize(1);
    assertThat(latestResult(id).get("run_status").asText()).isEqualTo("SUCCEEDED");
    time.advance(Duration.ofMillis(1));
    assertThat(arrivals()).containsExactly(start, start.plusSeconds(3));
    JsonNode job = job(id);
    assertThat(job.get("n_skipped").asInt()).as("the ticks at +1 s and +2 s").isEqualTo(2);
    assertThat(job.get("n_runs").asInt()).isEqualTo(2);
    assertThat(job.get("status").asText()).isEqualTo("ended");
  }

  @Test
  void pollsARunningActionLessAndLessOftenUntilItEnds() {
    provider.actionDuration = Duration.ofHours(1);
    Instant start = clock.instant();
    String id = create(start, 3600.0, null);
    time.advance(Duration.ofSeconds(185));
    List<Instant> checks = provider.statusCheckTimes();
    assertThat(checks.getFirst()).as("first check").isEqualTo(start.plusSeconds(1));
    List<Long> gaps = new java.util.ArrayList<>();
    for (int i = 1; i < checks.size(); i++) {
      gaps.add(Duration.between(checks.get(i - 1), checks.get(i)).toMillis());
    }
    assertThat(gaps)
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L);
    assertThat(latestResult(id).get("run_status").asText()).isEqualTo("ACTIVE");
    provider.actionDuration = Duration.ZERO;
    time.advance(Duration.ofSeconds(60));
    JsonNode result = latestResult(id);
    assertThat(result.get("run_status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Instant.parse(result.get("end_timestamp").asText()))
        .isEqualTo(checks.getLast().plusSeconds(60));
  }

  @Test
  void retriesTransientFailuresWithTheSameRequestIdBackingOff() {
    provider.failNext.set(2);
    String id = create(clock.instant(), 60.0, null);
    assertThat(latestResult(id).get("run_status").asText()).isEqualTo("RETRYING");
    assertThat(job(id).get("activity").get("code").asText()).isEqualTo("retrying");
    time.advance(Duration.ofSeconds(1));
    assertThat(new HashSet<>(provider.requestIds())).hasSize(1);
    List<Instant> arrivals = arrivals();
    assertThat(arrivals).hasSize(3);
    assertThat(Duration.between(arrivals.get(0), arrivals.get(1)))
        .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(Duration.between(arrivals.get(1), arrivals.get(2)))
        .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(latestResult(id).get("run_status").asText()).isEqualTo("SUCCEEDED");
    JsonNode job = job(id);
    assertThat(job.get("n_runs").asInt()).isEqualTo(1);
    assertThat(job.get("n_errors").asInt()).isZero();
  }

  @Test
  void givesUpRetryingAfterHalfTheInterval() {
    provider.failNext.set(Integer.MAX_VALUE);
    Instant start = clock.instant();
    String id = create(start, 4.0, null);
    time.advance(Duration.ofMillis(3_999));
    JsonNode result = latestResult(id);
    assertThat(result.get("run_status").asText()).isEqualTo("FAILED");
    assertThat(result.get("errors").toString()).contains("gave up retrying");
    assertThat(arrivals()).allSatisfy(at -> assertThat(at).isBefore(start.plusSeconds(2)));
    assertThat(job(id).get("n_errors").asInt()).isEqualTo(1);
    provider.failNext.set(0);
    time.advance(Duration.ofMillis(1));
    assertThat(latestResult(id).get("run_status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void countsARefusedSubmissionAsAnError() {
    provider.refuseWith = 400;
    String id = create(clock.instant(), null, null);
    JsonNode job = job(id);
    assertThat(job.get("status").asText()).isEqualTo("ended");
    assertThat(job.get("n_errors").asInt()).isEqualTo(1);
    JsonNode result = job.get("results").get("data").get(0);
    assertThat(result.get("run_status").asText()).isEqualTo("FAILED");
    assertThat(result.get("errors").toString()).contains("refused by the fake provider");
    time.advance(Duration.ofSeconds(10));
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void aProviderRefusingOurCredentialsMakesTheTimerInactive() {
    provider.refuseWith = 401;
    String id = create(clock.instant(), 60.0, null);
    JsonNode job = job(id);
    assertThat(job.get("status").asText()).isEqualTo("inactive");
    assertThat(job.get("inactive_reason").get("cause").asText())
        .isEqualTo("globus_auth_requirements");
    assertThat(job.get("activity").get("reason").asText()).isEqualTo("globus_auth_requirements");
  }

  @Test
  void resumeRunsATickMissedWhilePausedOnce() {
    Instant start = clock.instant().plusSeconds(1);
    String id = create(start, 2.0, null);
    time.advanceTo(start);
    assertThat(provider.submissions()).hasSize(1);
    api.post("/jobs/" + id + "/pause", null);
    time.advance(Duration.ofMillis(4_500));
    assertThat(provider.submissions()).hasSize(1);
    assertThat(api.post("/jobs/" + id + "/resume", null).status()).isEqualTo(200);
    time.runDue();
    assertThat(arrivals()).hasSize(2).last().isEqualTo(start.plusMillis(4_500));
    assertThat(Instant.parse(latestResult(id).get("tick_at").asText()))
        .as("the latest of the missed ticks")
        .isEqualTo(start.plusSeconds(4));
    time.advance(Duration.ofMillis(1_499));
    assertThat(provider.submissions()).as("missed ticks collapse into one run").hasSize(2);
    time.advance(Duration.ofMillis(1));
    assertThat(arrivals()).hasSize(3).last().isEqualTo(start.plusSeconds(6));
  }

  @Test
  void resumeCanWaitForTheNextScheduledTick() {
    Instant start = clock.instant().plusSeconds(1);
    String id = create(start, 3.0, null);
    time.advanceTo(start);
    api.post("/jobs/" + id + "/pause", null);
    time.advance(Duration.ofMillis(3_500));
    api.post("/jobs/" + id + "/resume?resume_policy=wait_for_next_scheduled", null);
    assertThat(Instant.parse(job(id).get("next_run").asText())).isEqualTo(start.plusSeconds(6));
    time.advanceTo(start.plusSeconds(6).minusMillis(1));
    assertThat(provider.submissions()).hasSize(1);
    time.advanceTo(start.plusSeconds(6));
    assertThat(provider.submissions()).hasSize(2);
  }

  @Test
  void aDeletedTimerStopsFiringAndKeepsItsResults() {
    String id = create(clock.instant(), 1.0, null);
    time.advance(Duration.ofSeconds(1));
    assertThat(provider.submissions()).hasSize(2);
    api.delete("/jobs/" + id);
    time.advance(Duration.ofSeconds(5));
    assertThat(provider.submissions()).hasSize(2);
    JsonNode job = job(id);
    assertThat(job.get("status").asText()).isEqualTo("deleted");
    assertThat(job.get("results").get("data")).hasSize(2);
  }

  @Test
  void aRestartFiresNoTickTwiceAndCollapsesTheMissedOnes() {
    Instant start = clock.instant().plusSeconds(1);
    String id = create(start, 1.0, null);
    time.advanceTo(start.plusSeconds(2));
    assertThat(provider.submissions()).hasSize(3);
    service.stop();
    time.advance(Duration.ofMillis(3_200));
    assertThat(provider.submissions()).hasSize(3);
    service.startAgain();
    api = new Api(service.url(), service.token());
    time.runDue();
    assertThat(arrivals()).as("one run for the missed ticks").hasSize(4);
    time.advanceTo(start.plusSeconds(6).minusMillis(1));
    assertThat(provider.submissions()).hasSize(4);
    time.advanceTo(start.plusSeconds(6));
    assertThat(arrivals())
        .as("later ticks stay on the grid")
        .last()
        .isEqualTo(start.plusSeconds(6));
    assertThat(new HashSet<>(provider.requestIds())).hasSize(5);
    JsonNode results = job(id).get("results").get("data");
    assertThat(new HashSet<>(results.findValuesAsText("tick_at"))).hasSize(5);
  }

  @Test
  void aRunLeftSubmittingByACrashIsSubmittedAgainWithItsRequestId() {
    String id = create(clock.instant().plusSeconds(3600), 3600.0, null);
    UUID timerId = UUID.fromString(id);
    Instant now = clock.instant();
    long slot = now.minusSeconds(5).toEpochMilli();
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
                      now,
                      now.plusSeconds(600)));
              TimerState s = tx.findTimer(timerId).orElseThrow().state();
              TimerState.Builder b = s.toBuilder();
              b.pendingSlot = slot;
              b.dueAt = now;
              tx.updateState(timerId, s.version(), b.build());
              return null;
            });
    time.advance(Duration.ofMillis(250));
    assertThat(provider.requestIds()).containsExactly(RequestIds.of(timerId, slot));
    assertThat(latestResult(id).get("run_status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aUrlNoLongerAllowedIsNotCalledAtFiringTime() {
    Instant start = clock.instant().plusSeconds(2);
    String id = create(start, null, null);
    service.stop();
    try (TestService narrowed =
        TestService.startManual(
            home, Map.of("allowed_action_urls", "https://only.example.org/"), time)) {
      Api narrowedApi = new Api(narrowed.url(), narrowed.token());
      time.advanceTo(start);
      JsonNode job = narrowedApi.get("/jobs/" + id).body();
      assertThat(job.get("n_errors").asInt()).isEqualTo(1);
      JsonNode result = job.get("results").get("data").get(0);
      assertThat(result.get("run_status").asText()).isEqualTo("FAILED");
      assertThat(result.get("errors").toString()).contains("allowed_action_urls");
      assertThat(provider.submissions()).isEmpty();
    }
  }
}
