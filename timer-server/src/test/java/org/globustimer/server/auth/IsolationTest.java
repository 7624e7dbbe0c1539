package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.OAuthServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two users of one service: each route tried by the other user answers exactly as for an id that
 * does not exist. Alice uses the local token (she owns the local endpoints); Bob and the
 * administrator Carol hold access tokens of a real issuer (mock-oauth2-server).
 */
class IsolationTest {

  static final String AUDIENCE = "timer-service";
  static final String BOB = UUID.randomUUID().toString();
  static final String CAROL = UUID.randomUUID().toString();

  @TempDir static Path home;
  static OAuthServer issuer;
  static FakeActionProvider provider;
  static TestService service;
  static Api alice;
  static Api bob;
  static Api carol;

  @BeforeAll
  static void start() {
    issuer = new OAuthServer();
    provider = new FakeActionProvider();
    service =
        TestService.start(
            home,
            Map.of(
                "oidc_issuer", issuer.issuer(),
                "oidc_audience", AUDIENCE,
                "admin_identities", CAROL));
    alice = new Api(service.url(), service.token());
    bob = new Api(service.url(), accessToken(BOB));
    carol = new Api(service.url(), accessToken(CAROL));
  }

  @AfterAll
  static void stop() {
    service.close();
    provider.close();
    issuer.close();
  }

  private static String accessToken(String subject) {
    return issuer.userToken(subject, AUDIENCE, "timers:manage", Duration.ofHours(1));
  }

  private static String createTimer(Api as) {
    String body =
        "{\"name\": \"mine\", \"start\": \""
            + Instant.now().plusSeconds(3600)
            + "\", \"interval\": 600, \"callback_url\": \""
            + provider.runUrl()
            + "\", \"callback_body\": {\"body\": {}}}";
    Api.Answer created = as.post("/jobs", body);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  /** Same status and, but for the id itself, the same body as for an unknown id. */
  private static void answersAsUnknown(
      String route, String theirs, BiFunction<Api, String, Api.Answer> call) {
    String unknown = UUID.randomUUID().toString();
    Api.Answer tried = call.apply(bob, theirs);
    Api.Answer missing = call.apply(bob, unknown);
    assertThat(tried.status()).as(route + ": " + tried.raw()).isEqualTo(missing.status());
    assertThat(tried.status()).as(route).isIn(404, 400);
    assertThat(tried.raw().replace(theirs, "ID"))
        .as(route)
        .isEqualTo(missing.raw().replace(unknown, "ID"));
  }

  @Test
  void anotherUsersTimerAnswersLikeAnUnknownOneOnEveryRoute() {
    String id = createTimer(alice);
    answersAsUnknown("GET /jobs/ID", id, (api, j) -> api.get("/jobs/" + j));
    answersAsUnknown("GET /jobs/ID/", id, (api, j) -> api.get("/jobs/" + j + "/?page_size=5"));
    answersAsUnknown("GET /v2/timer/ID", id, (api, j) -> api.get("/v2/timer/" + j));
    answersAsUnknown(
        "PATCH /jobs/ID", id, (api, j) -> api.patch("/jobs/" + j, "{\"name\": \"x\"}"));
    answersAsUnknown("POST pause", id, (api, j) -> api.post("/jobs/" + j + "/pause", null));
    answersAsUnknown("POST resume", id, (api, j) -> api.post("/jobs/" + j + "/resume", null));
    answersAsUnknown(
        "POST resume update_credentials",
        id,
        (api, j) -> api.post("/jobs/" + j + "/resume?update_credentials=true", null));
    answersAsUnknown("DELETE /jobs/ID", id, (api, j) -> api.delete("/jobs/" + j));

    assertThat(bob.get("/jobs").body().get("jobs").findValuesAsText("job_id")).doesNotContain(id);
    assertThat(bob.get("/jobs?show_deleted=True").body().get("jobs").findValuesAsText("job_id"))
        .doesNotContain(id);
    Api.Answer still = alice.get("/jobs/" + id);
    assertThat(still.body().get("name").asText()).isEqualTo("mine");
    assertThat(still.body().get("status").asText()).isEqualTo("new");
  }

  @Test
  void anotherUsersEndpointsAreInvisible() {
    List<String> endpoints = alice.get("/endpoints").body().findValuesAsText("id");
    assertThat(endpoints).isNotEmpty();
    assertThat(bob.get("/endpoints").body().findValuesAsText("id"))
        .doesNotContainAnyElementsOf(endpoints);
    String theirs = endpoints.getFirst();
    answersAsUnknown("GET /endpoints/ID", theirs, (api, e) -> api.get("/endpoints/" + e));
    answersAsUnknown(
        "GET /endpoints/ID/ls", theirs, (api, e) -> api.get("/endpoints/" + e + "/ls"));
    answersAsUnknown("DELETE /endpoints/ID", theirs, (api, e) -> api.delete("/endpoints/" + e));
    assertThat(alice.get("/endpoints/" + theirs).status()).isEqualTo(200);
  }

  @Test
  void anotherUsersTransferActionsAreInvisibleAndTheirEndpointsUnusable() {
    String endpoint = alice.get("/endpoints").body().findValuesAsText("id").getFirst();
    String run =
        "{\"request_id\": \"r-"
            + UUID.randomUUID()
            + "\", \"body\": {\"source_endpoint_id\": \""
            + endpoint
            + "\", \"destination_endpoint_id\": \""
            + endpoint
            + "\", \"transfer_items\": [{\"source_path\": \"/~/no-such-"
            + UUID.randomUUID()
            + "\", \"destination_path\": \"/~/never-written\", \"recursive\": false}]}}";
    Api.Answer started = alice.post("/transfer/transfer/run", run);
    assertThat(started.status()).as(started.raw()).isIn(200, 202);
    String action = started.body().get("action_id").asText();
    String base = "/transfer/transfer/";
    answersAsUnknown("GET status", action, (api, a) -> api.get(base + a + "/status"));
    answersAsUnknown("GET actions/ID", action, (api, a) -> api.get(base + "actions/" + a));
    answersAsUnknown("POST cancel", action, (api, a) -> api.post(base + a + "/cancel", null));
    answersAsUnknown("POST release", action, (api, a) -> api.post(base + a + "/release", null));
    answersAsUnknown("DELETE actions/ID", action, (api, a) -> api.delete(base + "actions/" + a));

    Api.Answer bobsRun = bob.post("/transfer/transfer/run", run.replace("\"r-", "\"bob-r-"));
    if (bobsRun.status() == 202) {
      String bobsAction = bobsRun.body().get("action_id").asText();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(bob.get(base + bobsAction + "/status").body().get("status").asText())
                      .isEqualTo("FAILED"));
      assertThat(bob.get(base + bobsAction + "/status").raw()).contains(endpoint);
    } else {
      assertThat(bobsRun.status()).as(bobsRun.raw()).isBetween(400, 404);
    }
    assertThat(alice.get(base + action + "/status").status()).isEqualTo(200);
  }

  @Test
  void onlyAnAdministratorListsEveryonesTimers() {
    String alices = createTimer(alice);
    String bobs = createTimer(bob);
    Api.Answer all = carol.get("/jobs?all_users=true");
    assertThat(all.status()).as(all.raw()).isEqualTo(200);
    assertThat(all.body().get("jobs").findValuesAsText("job_id")).contains(alices, bobs);
    assertThat(all.body().get("jobs").findValuesAsText("owner")).contains(Principals.PREFIX + BOB);
    assertThat(carol.get("/jobs").body().get("jobs").findValuesAsText("job_id"))
        .doesNotContain(alices, bobs);
    assertThat(bob.get("/jobs?all_users=true").status()).isEqualTo(403);
    assertThat(carol.get("/whoami").body().get("admin").asBoolean()).isTrue();
    assertThat(carol.get("/jobs/" + alices).status()).isEqualTo(404);
  }
}
