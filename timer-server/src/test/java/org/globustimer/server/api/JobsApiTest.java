package org.globustimer.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsApiTest {

  @TempDir static Path home;
  static TestService service;
  static FakeActionProvider provider;
  static Api api;

  @BeforeAll
  static void start() {
    service = TestService.start(home, Map.of("min_interval_seconds", "1"));
    provider = new FakeActionProvider();
    api = new Api(service.url(), service.token());
  }

  @AfterAll
  static void stop() {
    service.close();
    provider.close();
  }

  private String v1(String extra) {
    return "{\"name\": \"nightly\", \"start\": \""
        + Instant.now().plusSeconds(3600)
        + "\", \"interval\": 600, \"callback_url\": \""
        + provider.runUrl()
        + "\", \"callback_body\": {\"body\": {\"x\": 1}}"
        + extra
        + "}";
  }

  @Test
  void createsReadsAndListsAV1Timer() {
    Api.Answer created = api.post("/jobs/", v1(", \"stop_after\": {\"n_runs\": 3}"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode job = created.body();
    assertThat(job.get("job_id").asText()).hasSize(36);
    assertThat(job.get("status").asText()).isEqualTo("new");
    assertThat(job.get("interval").asInt()).isEqualTo(600);
    assertThat(job.get("stop_after").get("n_runs").asInt()).isEqualTo(3);
    assertThat(job.get("schedule").get("end").get("count").asInt()).isEqualTo(3);
    assertThat(job.get("timer_type").asText()).isEqualTo("generic");
    assertThat(job.get("results").get("data")).isEmpty();
    assertThat(job.get("activity").get("code").asText()).isEqualTo("awaiting_next_run");

    String id = job.get("job_id").asText();
    assertThat(api.get("/jobs/" + id).body().get("name").asText()).isEqualTo("nightly");
    assertThat(api.get("/jobs").body().get("jobs").findValuesAsText("job_id")).contains(id);
    assertThat(api.get("/jobs/").status()).isEqualTo(200);
  }

  @Test
  void acceptsTheSdkSpellingOfTheEnd() {
    String end = Instant.now().plusSeconds(7200).toString();
    Api.Answer created =
        api.post("/jobs", v1(", \"stop_after\": \"" + end + "\", \"stop_after_n\": 5"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("stop_after").get("n_runs").asInt()).isEqualTo(5);
    assertThat(created.body().get("stop_after").get("date").asText()).isNotEmpty();
  }

  @Test
  void createsAV2TransferTimerAndEchoesDefaults() {
    String body =
        "{\"timer\": {\"name\": \"v2\", \"timer_type\": \"transfer\", \"schedule\": {\"type\":"
            + " \"recurring\", \"interval_seconds\": 3600, \"start\": \""
            + Instant.now().plusSeconds(600)
            + "\", \"end\": {\"condition\": \"iterations\", \"iterations\": 2}}, \"body\":"
            + " {\"source_endpoint\": \"ddb59aef-6d04-11e5-ba46-22000b92c6ec\","
            + " \"destination_endpoint\": \"ddb59af0-6d04-11e5-ba46-22000b92c6ec\", \"DATA\":"
            + " [{\"source_path\": \"/~/a\", \"destination_path\": \"/~/b\"}]}}}";
    Api.Answer created = api.post("/v2/timer", body);
    assertThat(created.status()).isEqualTo(201);
    JsonNode timer = created.body().get("timer");
    assertThat(timer.get("timer_type").asText()).isEqualTo("transfer");
    assertThat(timer.get("number_of_runs").asInt()).isZero();
    JsonNode transfer = timer.get("body");
    assertThat(transfer.get("DATA_TYPE").asText()).isEqualTo("transfer");
    assertThat(transfer.get("DATA").get(0).get("DATA_TYPE").asText()).isEqualTo("transfer_item");
    assertThat(transfer.get("verify_checksum").asBoolean()).isFalse();
    assertThat(transfer.get("notify_on_succeeded").asBoolean()).isTrue();
    assertThat(timer.get("schedule").get("end").get("count").asInt()).isEqualTo(2);
    String id = timer.get("job_id").asText();
    assertThat(api.get("/jobs/" + id).body().get("timer_type").asText()).isEqualTo("transfer");
  }

  @Test
  void acceptsEverySpellingOfACountEnd() {
    for (String end :
        new String[] {
          "{\"condition\": \"iterations\", \"count\": 4}",
          "{\"condition\": \"iterations\", \"iterations\": 4}",
          "{\"count\": 4}"
        }) {
      String body =
          "{\"timer\": {\"timer_type\": \"transfer\", \"schedule\": {\"type\":"
              + " \"recurring\", \"interval_seconds\": 3600, \"end\": "
              + end
              + "}, \"body\": {\"source_endpoint\": \"ddb59aef-6d04-11e5-ba46-22000b92c6ec\","
              + " \"destination_endpoint\": \"ddb59af0-6d04-11e5-ba46-22000b92c6ec\", \"DATA\":"
              + " [{\"source_path\": \"/~/a\", \"destination_path\": \"/~/b\"}]}}}";
      Api.Answer created = api.post("/v2/timer", body);
      assertThat(created.status()).as("%s answered %s", end, created.raw()).isEqualTo(201);
      JsonNode schedule = created.body().get("timer").get("schedule");
      assertThat(schedule.get("end").get("condition").asText()).isEqualTo("iterations");
      assertThat(schedule.get("end").get("count").asInt()).isEqualTo(4);
      assertThat(created.body().get("timer").get("stop_after").get("n_runs").asInt()).isEqualTo(4);
    }
  }

  @Test
  void refusesOverlongFieldsAndBodiesNamingTheLimitAndStoresNothing() {
    int before = api.get("/jobs").body().get("jobs").size();
    String longText = "x".repeat(10_000);
    Api.Answer name = api.post("/jobs", v1("").replace("\"nightly\"", "\"" + longText + "\""));
    assertProblem(name, "name");
    assertThat(name.body().at("/detail/0/msg").asText()).contains("1024");
    assertThat(name.body().at("/detail/0/type").asText()).isEqualTo("string_too_long");
    assertProblem(api.post("/jobs", v1(", \"scope\": \"" + longText + "\"")), "scope");
    String huge = "y".repeat(600 * 1024);
    Api.Answer body = api.post("/jobs", v1(", \"extra\": \"" + huge + "\""));
    assertProblem(body, "body");
    assertThat(body.body().at("/detail/0/msg").asText()).contains("524288");
    Api.Answer query = api.get("/jobs?filter_name=" + "z".repeat(2_000));
    assertProblem(query, "filter_name");
    assertThat(api.post("/jobs", "{\"a\": \"" + "q".repeat(3 * 1024 * 1024) + "\"}").status())
        .isEqualTo(413);
    assertThat(api.get("/jobs").body().get("jobs").size()).isEqualTo(before);
  }

  @Test
  void refusesBadInputNamingTheFieldAndStoresNothing() {
    int before = api.get("/jobs").body().get("jobs").size();
    assertProblem(api.post("/jobs", "{not json"), "body");
    assertProblem(api.post("/jobs", v1("").replace("600", "0")), "interval");
    assertProblem(api.post("/jobs", v1("").replace("600", "-5")), "interval");
    assertProblem(api.post("/jobs", v1("").replace("600", "\"1h\"")), "interval");
    assertProblem(api.post("/jobs", v1("").replace("\"nightly\"", "5")), "name");
    assertProblem(
        api.post("/jobs", v1("").replace(provider.runUrl(), "ftp://example.org/run")),
        "callback_url");
    assertProblem(
        api.post(
            "/jobs",
            v1("").replace(Instant.now().plusSeconds(3600).toString().substring(0, 4), "2999")),
        "start");
    assertProblem(
        api.post("/jobs", v1(", \"stop_after\": {\"date\": \"2001-01-01T00:00:00Z\"}")),
        "stop_after");
    assertProblem(api.post("/jobs", v1(", \"stop_after\": {\"n_runs\": 0}")), "n_runs");
    assertProblem(api.post("/jobs", "{\"interval\": 60}"), "callback_url");
    assertThat(api.get("/jobs").body().get("jobs").size()).isEqualTo(before);
  }

  @Test
  void refusesAnIntervalBelowTheServicesMinimum() {
    try (TestService strict =
        TestService.start(home.resolve("strict"), Map.of("min_interval_seconds", "60"))) {
      Api strictApi = new Api(strict.url(), strict.token());
      Api.Answer answer = strictApi.post("/jobs", v1("").replace("600", "30"));
      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.raw()).contains("at least 60 seconds");
    }
  }

  @Test
  void answersUnknownAndMalformedIdsWithErrors() {
    Api.Answer unknown = api.get("/jobs/" + java.util.UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("error").get("code").asText()).isEqualTo("NOT_FOUND");
    Api.Answer malformed = api.get("/jobs/not-a-uuid");
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.body().get("detail").get(0).get("loc").toString()).contains("job_id");
  }

  @Test
  void requiresAValidBearerToken() {
    assertThat(new Api(service.url(), null).get("/jobs").status()).isEqualTo(401);
    Api.Answer wrong = new Api(service.url(), "wrong").get("/jobs");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().get("error").get("detail").asText()).contains("invalid");
    assertThat(new Api(service.url(), null).get("/health").status()).isEqualTo(200);
    assertThat(
            new Api(service.url(), null)
                .get("/.well-known/globus-timer")
                .body()
                .get("transfer_action_url")
                .asText())
        .endsWith("/transfer/transfer/run");
  }

  @Test
  void patchesNameIntervalAndEnd() {
    String id = api.post("/jobs", v1("")).body().get("job_id").asText();
    Api.Answer patched =
        api.patch(
            "/jobs/" + id,
            "{\"name\": \"renamed\", \"interval\": 1200," + " \"stop_after\": {\"n_runs\": 4}}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().get("name").asText()).isEqualTo("renamed");
    assertThat(patched.body().get("interval").asInt()).isEqualTo(1200);
    assertThat(patched.body().get("status").asText()).isEqualTo("updated");
    assertProblem(api.patch("/jobs/" + id, "{\"callback_url\": \"http://x/run\"}"), "callback_url");
  }

  @Test
  void softDeleteKeepsTheTimerReadable() {
    String id = api.post("/jobs", v1("")).body().get("job_id").asText();
    Api.Answer deleted = api.delete("/jobs/" + id);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body().get("status").asText()).isEqualTo("deleted");
    assertThat(api.get("/jobs/" + id).body().get("status").asText()).isEqualTo("deleted");
    assertThat(api.get("/jobs").body().get("jobs").findValuesAsText("job_id")).doesNotContain(id);
    assertThat(api.get("/jobs?show_deleted=True").body().get("jobs").findValuesAsText("job_id"))
        .contains(id);
    assertThat(api.post("/jobs/" + id + "/pause", null).status()).isEqualTo(409);
  }

  @Test
  void pauseAndResumeAnswerMessagesAndFilterByStatus() {
    String id = api.post("/jobs", v1("")).body().get("job_id").asText();
    Api.Answer paused = api.post("/jobs/" + id + "/pause", null);
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.body().get("message").asText()).contains(id);
    JsonNode job = api.get("/jobs/" + id).body();
    assertThat(job.get("status").asText()).isEqualTo("inactive");
    assertThat(job.get("inactive_reason").get("cause").asText()).isEqualTo("user");
    assertThat(job.get("activity").get("code").asText()).isEqualTo("paused");
    assertThat(job.get("activity").get("reason").asText()).isEqualTo("user");
    assertThat(job.get("inactive_reason").get("detail").isNull()).isTrue();
    assertThat(
            api.get("/jobs?filter_status=inactive").body().get("jobs").findValuesAsText("job_id"))
        .contains(id);
    assertThat(api.post("/jobs/" + id + "/resume?update_credentials=true", null).status())
        .isEqualTo(200);
    assertThat(api.get("/jobs/" + id).body().get("status").asText()).isEqualTo("loaded");
    assertProblem(api.get("/jobs?filter_status=bogus"), "filter_status");
  }

  @Test
  void anotherIdentitysTimerAnswersExactlyLikeAnUnknownOne() {
    String id = api.post("/jobs", v1("")).body().get("job_id").asText();
    Api other = new Api(service.url(), service.addIdentity("someone-else"));
    Api.Answer unknown = other.get("/jobs/" + java.util.UUID.randomUUID());
    for (Api.Answer answer :
        new Api.Answer[] {
          other.get("/jobs/" + id),
          other.patch("/jobs/" + id, "{\"name\": \"mine\"}"),
          other.post("/jobs/" + id + "/pause", null),
          other.post("/jobs/" + id + "/resume", null),
          other.delete("/jobs/" + id)
        }) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.body().get("error").get("detail").asText())
          .isEqualTo(
              unknown.body().get("error").get("detail").asText().replaceAll("[0-9a-f-]{36}", id));
    }
    assertThat(other.get("/jobs").body().get("jobs").findValuesAsText("job_id")).doesNotContain(id);
    assertThat(api.get("/jobs/" + id).body().get("name").asText()).isEqualTo("nightly");
  }

  @Test
  void timesOutsideTheYearsOneToNineThousandAreRefusedAndOldStartsAreFine() {
    for (String far :
        new String[] {
          "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-12-31T00:00:00"
        }) {
      Api.Answer answer = api.post("/jobs", startingAt(far));
      assertProblem(answer, "start");
      assertThat(answer.raw()).contains("outside the years 0001 to 9999");
      assertProblem(api.get("/jobs?submitted_after=" + far.replace("+", "%2B")), "submitted_after");
    }
    Api.Answer ancient = api.post("/jobs", startingAt("0001-01-01T00:00:00Z"));
    assertThat(ancient.status()).as(ancient.raw()).isEqualTo(201);
    assertThat(Instant.parse(ancient.body().get("next_run").asText()))
        .isAfter(Instant.now().minusSeconds(3600));
  }

  @Test
  void aFilterRuleNeedsItsMethodAndAKnownType() {
    for (String rule :
        new String[] {
          "{\"name\": \"*.tmp\"}",
          "{\"name\": \"*.tmp\", \"method\": null}",
          "{\"name\": \"*.tmp\", \"method\": \"exclude\", \"type\": 5}",
          "{\"name\": \"*.tmp\", \"method\": \"exclude\", \"DATA_TYPE\": \"rule\"}"
        }) {
      Api.Answer answer = api.post("/v2/timer", transferTimerWithRule(rule));
      assertProblem(answer, "filter_rules");
    }
    Api.Answer typeless =
        api.post(
            "/v2/timer",
            transferTimerWithRule(
                "{\"name\": \"*.tmp\", \"method\": \"exclude\", \"type\": null}"));
    assertThat(typeless.status()).as(typeless.raw()).isEqualTo(201);
  }

  private static String transferTimerWithRule(String rule) {
    return "{\"timer\": {\"timer_type\": \"transfer\", \"schedule\": {\"type\": \"once\"},"
        + " \"body\": {\"source_endpoint\": \"ddb59aef-6d04-11e5-ba46-22000b92c6ec\","
        + " \"destination_endpoint\": \"ddb59af0-6d04-11e5-ba46-22000b92c6ec\","
        + " \"DATA\": [{\"source_path\": \"/~/a\", \"destination_path\": \"/~/b\"}],"
        + " \"filter_rules\": ["
        + rule
        + "]}}}";
  }

  private String startingAt(String start) {
    return v1("").replaceFirst("\"start\": \"[^\"]+\"", "\"start\": \"" + start + "\"");
  }

  static void assertProblem(Api.Answer answer, String field) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
    assertThat(answer.body().get("detail").get(0).get("loc").toString())
        .as(answer.raw())
        .contains(field);
    assertThat(answer.body().get("detail").get(0).get("msg").asText()).isNotBlank();
  }
}
