package org.globustimer.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The overlap and catch-up policies in firing, against a provider whose actions last. The service
 * (HTTP, store, engine, cron) is real; its clock and timing queue are moved by the test, so seconds
 * of ticks, runs and downtime pass at once and every instant is exact.
 */
class PoliciesFiringTest {

  @TempDir Path home;
  ManualClock clock;
  ManualScheduler time;
  TestService service;
  FakeActionProvider provider;
  Api api;

  @BeforeEach
  void start() {
    // half past a second: no tick falls on an instant the test stops at
    clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(500));
    time = new ManualScheduler(clock);
    service = TestService.startManual(home, Map.of("min_interval_seconds", "1"), time);
    provider = new FakeActionProvider(clock);
    api = new Api(service.url(), service.token());
  }

  @AfterEach
  void stop() {
    service.close();
    provider.close();
  }

  private String create(String timing) {
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \"p\", \"callback_url\": \""
                + provider.runUrl()
                + "\", \"callback_body\": {\"body\": {}}, "
                + timing
                + "}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    time.runDue();
    return created.body().get("job_id").asText();
  }

  private List<Instant> arrivals() {
    return provider.submissions().stream().map(FakeActionProvider.Submission::arrivedAt).toList();
  }

  @Test
  void bufferOneStartsTheWaitingRunWhenTheCurrentOneEndsAndNeverTwoAtOnce() {
    provider.actionDuration = Duration.ofSeconds(3);
    String id = create("\"cron\": \"* * * * * *\", \"overlap_policy\": \"buffer_one\"");
    time.advance(Duration.ofSeconds(20));
    api.delete("/jobs/" + id);
    List<Instant> at = arrivals();
    assertThat(at).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 1; i < at.size(); i++) {
      Duration gap = Duration.between(at.get(i - 1), at.get(i));
      // each run waits for the one before it (3 s), then starts within a few status checks
      assertThat(gap)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3))
          .isLessThan(Duration.ofSeconds(12));
    }
  }

  @Test
  void allowAllStartsRunsBesideTheOneInProgress() {
    provider.actionDuration = Duration.ofSeconds(30);
    String id = create("\"cron\": \"* * * * * *\", \"overlap_policy\": \"allow_all\"");
    time.advance(Duration.ofSeconds(3));
    api.delete("/jobs/" + id);
    List<Instant> at = arrivals();
    assertThat(at).hasSize(3);
    assertThat(Duration.between(at.get(0), at.get(2))).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void skipSkipsTicksWhileARunIsInProgress() {
    provider.actionDuration = Duration.ofSeconds(30);
    String id = create("\"cron\": \"* * * * * *\"");
    time.advance(Duration.ofSeconds(1));
    assertThat(provider.submissions()).hasSize(1);
    time.advance(Duration.ofSeconds(3));
    assertThat(api.get("/jobs/" + id).body().get("n_skipped").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(provider.submissions()).hasSize(1);
    assertThat(api.post("/jobs/" + id + "/run", "").status()).isEqualTo(409);
  }

  private List<Instant> ticks(String id) {
    List<Instant> ticks = new ArrayList<>();
    api.get("/jobs/" + id + "?page_size=100")
        .body()
        .get("results")
        .get("data")
        .forEach(run -> ticks.add(Instant.parse(run.get("tick_at").asText())));
    return ticks;
  }

  /** The ticks of {@code *}{@code /2 * * * * *} after {@code from} and before {@code to}. */
  private static List<Instant> evenSecondsBetween(Instant from, Instant to) {
    List<Instant> ticks = new ArrayList<>();
    for (Instant t = from.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        t.isBefore(to);
        t = t.plusSeconds(1)) {
      if (t.getEpochSecond() % 2 == 0) {
        ticks.add(t);
      }
    }
    return ticks;
  }

  @Test
  void afterDowntimeCatchUpAllRunsEveryMissedTickAndNoneRunsNone() {
    String all =
        create(
            "\"cron\": \"*/2 * * * * *\", \"catchup_policy\": \"all\","
                + " \"catchup_window_seconds\": 3600");
    String none = create("\"cron\": \"*/2 * * * * *\", \"catchup_policy\": \"none\"");
    time.advance(Duration.ofSeconds(3));
    assertThat(ticks(all)).isNotEmpty();
    assertThat(ticks(none)).isNotEmpty();
    service.close();
    Instant down = clock.instant();
    // down for 10 s: five ticks of each timer come and go
    time.advance(Duration.ofSeconds(10));
    Instant up = clock.instant();
    service.startAgain();
    api = new Api(service.url(), service.token());
    time.advance(Duration.ofSeconds(5));
    assertThat(ticks(all)).anyMatch(t -> t.isAfter(up));
    assertThat(ticks(none)).anyMatch(t -> t.isAfter(up));
    List<Instant> missedAll =
        ticks(all).stream().filter(t -> t.isAfter(down) && t.isBefore(up)).toList();
    assertThat(missedAll).containsExactlyInAnyOrderElementsOf(evenSecondsBetween(down, up));
    // none: the older missed ticks never run; only the latest, seconds late, may
    assertThat(ticks(none))
        .noneMatch(t -> t.isAfter(down.plusSeconds(2)) && t.isBefore(up.minusSeconds(2)));
    api.delete("/jobs/" + all);
    api.delete("/jobs/" + none);
  }
}
