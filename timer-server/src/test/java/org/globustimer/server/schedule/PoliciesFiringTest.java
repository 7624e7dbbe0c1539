package org.globustimer.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlap and catch-up policies in real firing, against a provider whose actions last. */
class PoliciesFiringTest {

  @TempDir Path home;
  TestService service;
  FakeActionProvider provider;
  Api api;

  @BeforeEach
  void start() {
    service = TestService.start(home, Map.of("min_interval_seconds", "1"));
    provider = new FakeActionProvider();
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
    return created.body().get("job_id").asText();
  }

  private List<Instant> arrivals() {
    return provider.submissions().stream().map(FakeActionProvider.Submission::arrivedAt).toList();
  }

  @Test
  void bufferOneStartsTheWaitingRunWhenTheCurrentOneEndsAndNeverTwoAtOnce() {
    provider.actionDuration = Duration.ofSeconds(3);
    String id = create("\"cron\": \"* * * * * *\", \"overlap_policy\": \"buffer_one\"");
    await().atMost(Duration.ofSeconds(40)).until(() -> provider.submissions().size() >= 3);
    api.delete("/jobs/" + id);
    List<Instant> at = arrivals();
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
    await().atMost(Duration.ofSeconds(20)).until(() -> provider.submissions().size() >= 3);
    api.delete("/jobs/" + id);
    List<Instant> at = arrivals();
    assertThat(Duration.between(at.get(0), at.get(2))).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void skipSkipsTicksWhileARunIsInProgress() {
    provider.actionDuration = Duration.ofSeconds(30);
    String id = create("\"cron\": \"* * * * * *\"");
    await().atMost(Duration.ofSeconds(20)).until(() -> provider.submissions().size() == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/jobs/" + id).body().get("n_skipped").asInt() >= 3);
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

  @Test
  void afterDowntimeCatchUpAllRunsEveryMissedTickAndNoneRunsNone() {
    String all =
        create(
            "\"cron\": \"*/2 * * * * *\", \"catchup_policy\": \"all\","
                + " \"catchup_window_seconds\": 3600");
    String none = create("\"cron\": \"*/2 * * * * *\", \"catchup_policy\": \"none\"");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ticks(all).size() >= 1 && ticks(none).size() >= 1);
    service.close();
    Instant down = Instant.now();
    // down for 10 s: five ticks of each timer come and go
    await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(down.plusSeconds(10)));
    Instant up = Instant.now();
    service.startAgain();
    api = new Api(service.url(), service.token());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ticks(all).stream().anyMatch(t -> t.isAfter(up)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ticks(none).stream().anyMatch(t -> t.isAfter(up)));
    List<Instant> missedAll =
        ticks(all).stream().filter(t -> t.isAfter(down) && t.isBefore(up)).toList();
    long expected = Duration.between(down, up).toSeconds() / 2;
    assertThat((long) missedAll.size()).isBetween(expected - 1, expected + 1);
    // none: the older missed ticks never run; only the latest, seconds late, may
    assertThat(ticks(none))
        .noneMatch(t -> t.isAfter(down.plusSeconds(2)) && t.isBefore(up.minusSeconds(2)));
    api.delete("/jobs/" + all);
    api.delete("/jobs/" + none);
  }
}
