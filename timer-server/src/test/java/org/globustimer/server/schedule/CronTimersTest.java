package org.globustimer.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.globustimer.core.cron.Jitter;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ManualClock;
import org.globustimer.server.testkit.ManualScheduler;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cron timers through the API against the real service, and their firing across DST: that on a
 * second service whose clock and timing queue the test moves, so the seconds up to and through an
 * offset change pass at once.
 */
class CronTimersTest {

  @TempDir static Path home;
  @TempDir static Path manualHome;
  static TestService service;
  static FakeActionProvider provider;
  static Api api;
  static ManualScheduler time;
  static TestService manual;
  static Api manualApi;

  @BeforeAll
  static void start() {
    service = TestService.start(home, Map.of("min_interval_seconds", "1"));
    provider = new FakeActionProvider();
    api = new Api(service.url(), service.token());
    // half past a second: the offset changes fall on whole seconds, never where the test stops
    time =
        new ManualScheduler(
            new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(500)));
    manual = TestService.startManual(manualHome, Map.of("min_interval_seconds", "1"), time);
    manualApi = new Api(manual.url(), manual.token());
  }

  @AfterAll
  static void stop() {
    service.close();
    manual.close();
    provider.close();
  }

  private static String v1(String schedule) {
    return "{\"name\": \"cron\", \"callback_url\": \""
        + provider.runUrl()
        + "\", \"callback_body\": {\"body\": {}}, "
        + schedule
        + "}";
  }

  private static String v2(String schedule, String extra) {
    return "{\"timer\": {\"name\": \"nightly\", \"timer_type\": \"flow\", \"flow_id\":"
        + " \"4b5e8d8a-0000-4000-8000-000000000001\", \"callback_url\": \""
        + provider.runUrl()
        + "\", \"body\": {}, \"schedule\": "
        + schedule
        + extra
        + "}}";
  }

  private static List<String> utcOf(JsonNode next) {
    List<String> utc = new ArrayList<>();
    next.get("next_runs").forEach(run -> utc.add(run.get("utc").asText()));
    return utc;
  }

  @Test
  void aV2CronTimerFiresAtTheEndOfTheSpringGapInBerlin() {
    Api.Answer created =
        api.post(
            "/v2/timer",
            v2(
                "{\"type\": \"cron\", \"expression\": \"30 2 * * *\", \"timezone\":"
                    + " \"Europe/Berlin\", \"start\": \"2027-03-27T00:00:00Z\","
                    + " \"end\": {\"condition\": \"iterations\", \"count\": 3}}",
                ", \"overlap_policy\": \"buffer_one\", \"catchup_policy\": \"all\","
                    + " \"catchup_window_seconds\": 7200"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode timer = created.body().get("timer");
    assertThat(timer.get("schedule").get("type").asText()).isEqualTo("cron");
    assertThat(timer.get("schedule").get("expression").asText()).isEqualTo("30 2 * * *");
    assertThat(timer.get("schedule").get("timezone").asText()).isEqualTo("Europe/Berlin");
    assertThat(timer.get("schedule").get("end").get("count").asInt()).isEqualTo(3);
    assertThat(timer.get("interval").isNull()).isTrue();
    assertThat(timer.get("next_run").asText()).isEqualTo("2027-03-27T01:30:00Z");
    assertThat(timer.get("schedule_description").asText())
        .isEqualTo("at 02:30 Europe/Berlin, every day");
    assertThat(timer.get("overlap_policy").asText()).isEqualTo("buffer_one");
    assertThat(timer.get("catchup_policy").asText()).isEqualTo("all");
    assertThat(timer.get("catchup_window_seconds").asInt()).isEqualTo(7200);

    String id = timer.get("job_id").asText();
    JsonNode next = api.get("/jobs/" + id + "/next?count=5").body();
    // 2027-03-28 02:00 CET jumps to 03:00 CEST; the end after 3 runs stops the list
    assertThat(utcOf(next))
        .containsExactly("2027-03-27T01:30:00Z", "2027-03-28T01:00:00Z", "2027-03-29T00:30:00Z");
    assertThat(next.get("next_runs").get(1).get("local").asText())
        .isEqualTo("2027-03-28T03:00:00+02:00");
    assertThat(next.get("timezone").asText()).isEqualTo("Europe/Berlin");
  }

  @Test
  void aV1CronTimerEchoesItsTimingAndChangesIt() {
    Api.Answer created =
        api.post(
            "/jobs",
            v1(
                "\"cron\": \"0 9 * * MON-FRI\", \"timezone\": \"Asia/Kolkata\","
                    + " \"jitter_seconds\": 300, \"catchup_policy\": \"none\""));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode job = created.body();
    assertThat(job.get("cron").asText()).isEqualTo("0 9 * * MON-FRI");
    assertThat(job.get("timezone").asText()).isEqualTo("Asia/Kolkata");
    assertThat(job.get("jitter_seconds").asInt()).isEqualTo(300);
    assertThat(job.get("overlap_policy").asText()).isEqualTo("skip");
    assertThat(job.get("catchup_policy").asText()).isEqualTo("none");
    String id = job.get("job_id").asText();
    Instant nextRun = Instant.parse(job.get("next_run").asText());
    java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
    Instant tick =
        LocalDateTime.ofInstant(nextRun, kolkata)
            .toLocalDate()
            .atTime(9, 0)
            .atZone(kolkata)
            .toInstant();
    assertThat(nextRun).isEqualTo(Jitter.fireAt(id, tick, 300)).isBefore(tick.plusSeconds(300));

    Api.Answer changed =
        api.patch("/jobs/" + id, "{\"cron\": \"0 18 * * *\", \"jitter_seconds\": 0}");
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    Instant changedNext = Instant.parse(changed.body().get("next_run").asText());
    assertThat(
            LocalDateTime.ofInstant(changedNext, java.time.ZoneId.of("Asia/Kolkata")).toLocalTime())
        .hasToString("18:00");
    assertThat(api.get("/jobs/" + id).body().get("cron").asText()).isEqualTo("0 18 * * *");
  }

  @Test
  void badTimingIsA422NamingTheFieldAndChangesNothing() {
    int before = api.get("/jobs").body().get("jobs").size();
    Api.Answer badCron = api.post("/jobs", v1("\"cron\": \"0 25 * * *\""));
    assertThat(badCron.status()).isEqualTo(422);
    assertThat(badCron.raw())
        .contains("\"cron\"")
        .contains("at position 3: hour 25 is out of range 0-23")
        .contains("0 2 * * *");
    Api.Answer badZone =
        api.post("/jobs", v1("\"cron\": \"@daily\", \"timezone\": \"Mars/Olympus\""));
    assertThat(badZone.status()).isEqualTo(422);
    assertThat(badZone.raw()).contains("\"timezone\"").contains("not a known time zone");
    Api.Answer both = api.post("/jobs", v1("\"cron\": \"@daily\", \"interval\": 60"));
    assertThat(both.status()).isEqualTo(422);
    assertThat(both.raw()).contains("either interval or cron");
    Api.Answer badPolicy =
        api.post("/jobs", v1("\"cron\": \"@daily\", \"overlap_policy\": \"sometimes\""));
    assertThat(badPolicy.status()).isEqualTo(422);
    assertThat(badPolicy.raw()).contains("use skip, buffer_one or allow_all");
    Api.Answer badJitter = api.post("/jobs", v1("\"cron\": \"@daily\", \"jitter_seconds\": -1"));
    assertThat(badJitter.status()).isEqualTo(422);
    Api.Answer badType = api.post("/v2/timer", v2("{\"type\": \"calendar\"}", ""));
    assertThat(badType.raw()).contains("'once', 'recurring' or 'cron'");
    assertThat(api.get("/jobs").body().get("jobs").size()).isEqualTo(before);
  }

  /** Where the local time {@code offset} after the change's local time falls: its H:M:S fields. */
  private static String cronAtLocal(LocalDateTime local) {
    return local.getSecond() + " " + local.getMinute() + " " + local.getHour() + " * * *";
  }

  @Test
  void firingAtATimeInAGapHappensOnceAtTheEndOfTheGap() {
    Instant change = time.clock().instant().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
    TestZones.change(TestZones.GAP, change, ZoneOffset.UTC, ZoneOffset.ofHours(1));
    // 30 minutes into the hour the clocks skip: that local time never happens
    LocalDateTime skipped = LocalDateTime.ofInstant(change, ZoneOffset.UTC).plusMinutes(30);
    Api.Answer created =
        manualApi.post(
            "/jobs", v1("\"cron\": \"" + cronAtLocal(skipped) + "\", \"timezone\": \"Test/Gap\""));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("job_id").asText();
    assertThat(created.body().get("next_run").asText()).isEqualTo(change.toString());
    time.advanceTo(change.minusMillis(1));
    assertThat(manualApi.get("/jobs/" + id).body().get("results").get("data")).isEmpty();
    time.advance(Duration.ofSeconds(30));
    assertThat(manualApi.get("/jobs/" + id).body().get("results").get("data")).hasSize(1);
    assertThat(manualApi.get("/jobs/" + id).body().get("n_runs").asInt()).isEqualTo(1);
    JsonNode run = manualApi.get("/jobs/" + id).body().get("results").get("data").get(0);
    assertThat(run.get("tick_at").asText()).isEqualTo(change.toString());
    assertThat(Instant.parse(run.get("ran_at").asText())).isAfterOrEqualTo(change);
  }

  @Test
  void firingDuringARepeatedPeriodFiresEachLocalTimeOnlyTheFirstTime() {
    Instant change = time.clock().instant().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    // clocks go back 4 seconds: the local seconds just before the change happen twice
    TestZones.change(TestZones.OVERLAP, change, ZoneOffset.ofTotalSeconds(4), ZoneOffset.UTC);
    Api.Answer created =
        manualApi.post("/jobs", v1("\"cron\": \"* * * * * *\", \"timezone\": \"Test/Overlap\""));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("job_id").asText();
    Instant resumed = change.plusSeconds(4);
    time.runDue();
    time.advanceTo(resumed.plusSeconds(2));
    manualApi.delete("/jobs/" + id);
    List<Instant> ticks = ticks(id);
    assertThat(ticks).contains(change.minusSeconds(1), resumed);
    assertThat(ticks).anyMatch(t -> t.isAfter(resumed));
    assertThat(ticks).noneMatch(t -> !t.isBefore(change) && t.isBefore(resumed));
  }

  private static List<Instant> ticks(String id) {
    List<Instant> ticks = new ArrayList<>();
    manualApi
        .get("/jobs/" + id + "?page_size=100")
        .body()
        .get("results")
        .get("data")
        .forEach(run -> ticks.add(Instant.parse(run.get("tick_at").asText())));
    return ticks;
  }

  @Test
  void runNowStartsOneExtraRunAndLeavesTheGrid() {
    String start = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();
    Api.Answer created = api.post("/jobs", v1("\"start\": \"" + start + "\", \"interval\": 3600"));
    String id = created.body().get("job_id").asText();
    int before = provider.submissions().size();
    Api.Answer ran = api.post("/jobs/" + id + "/run", "");
    assertThat(ran.status()).as(ran.raw()).isEqualTo(202);
    assertThat(ran.body().get("buffered").asBoolean()).isFalse();
    await().atMost(Duration.ofSeconds(20)).until(() -> provider.submissions().size() > before);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/jobs/" + id).body().get("results").get("data").size() == 1);
    JsonNode job = api.get("/jobs/" + id).body();
    assertThat(job.get("next_run").asText()).isEqualTo(start);
    assertThat(utcOf(api.get("/jobs/" + id + "/next?count=2").body()))
        .containsExactly(start, Instant.parse(start).plusSeconds(3600).toString());
    assertThat(api.post("/jobs/00000000-0000-4000-8000-000000000000/run", "").status())
        .isEqualTo(404);
  }
}
