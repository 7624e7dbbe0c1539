package org.globustimer.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.Contract;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document and its reference page, served without a token, and complete. */
class ContractTest {

  @TempDir static Path home;
  static TestService service;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = TestService.start(home);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(service.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDocumentIsServedWithoutATokenAndIsTheOneTheTestsCheckAgainst() throws Exception {
    HttpResponse<String> answer = get("/openapi.json");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("json");
    JsonNode document = Json.mapper().readTree(answer.body());
    assertThat(document.get("openapi").asText()).startsWith("3.1");
    assertThat(document).isEqualTo(Contract.get().document());
    JsonNode schemas = document.at("/components/schemas");
    for (String name :
        List.of(
            "JobRead",
            "JobResult",
            "V2TransferTimerRead",
            "V2FlowTimerRead",
            "ApiTimerActivityAwaiting",
            "ApiTimerActivityInProgress",
            "ApiTimerActivityRetrying",
            "ApiTimerActivityPaused",
            "JobInactiveReason",
            "HTTPValidationError")) {
      assertThat(schemas.has(name)).as(name).isTrue();
    }
    assertThat(schemas.at("/Endpoint/x-globus-timer-extension").asBoolean()).isTrue();
  }

  @Test
  void theReferencePageAndItsAssetsComeFromTheServiceItself() throws Exception {
    HttpResponse<String> page = get("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/docs/swagger-ui-bundle.js").doesNotContain("https://");
    for (String asset : List.of("swagger-ui.css", "swagger-ui-bundle.js", "reference.js")) {
      HttpResponse<String> answer = get("/docs/" + asset);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.body()).as(asset).isNotBlank();
    }
    assertThat(get("/docs/reference.js").body()).contains("/openapi.json");
    assertThat(get("/docs/../token").statusCode()).isNotEqualTo(200);
    assertThat(get("/docs/nothing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void aRenamedOrRetypedFieldFailsTheCheck() throws Exception {
    Api api = new Api(service.url(), service.token());
    String body =
        "{\"name\": \"checked\", \"interval\": 600, \"callback_url\":"
            + " \"http://127.0.0.1:9/run\", \"callback_body\": {\"body\": {}},"
            + " \"start\": \""
            + java.time.Instant.now().plusSeconds(3600)
            + "\"}";
    Api.Answer created = api.post("/jobs", body);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    ObjectNode job = (ObjectNode) created.body();
    String path = "/jobs/" + job.get("job_id").asText();
    Contract contract = Contract.get();
    assertThat(contract.problems("GET", path, 200, job)).isEmpty();

    ObjectNode renamed = job.deepCopy();
    ObjectNode activity = (ObjectNode) renamed.get("activity");
    activity.set("type", activity.remove("code"));
    assertThat(contract.problems("GET", path, 200, renamed)).isNotEmpty();

    ObjectNode retyped = job.deepCopy();
    retyped.put("n_runs", "0");
    assertThat(contract.problems("GET", path, 200, retyped)).isNotEmpty();

    ObjectNode stringDetail = job.deepCopy();
    stringDetail.putObject("inactive_reason").put("cause", "user").put("detail", "paused");
    assertThat(contract.problems("GET", path, 200, stringDetail)).isNotEmpty();

    ObjectNode missing = job.deepCopy();
    missing.remove("submitted_at");
    assertThat(contract.problems("GET", path, 200, missing)).isNotEmpty();

    assertThat(contract.problems("GET", path, 299, job)).isNotEmpty();
    assertThat(contract.problems("GET", "/no-such-route", 200, job)).isNotEmpty();
  }

  @Test
  void everyRouteTheServiceServesIsInTheDocument() {
    JsonNode paths = Contract.get().document().get("paths");
    List<String> missing = new ArrayList<>();
    var router = service.service().app().unsafeConfig().pvt.internalRouter;
    for (var parsed : router.allHttpHandlers()) {
      var endpoint = parsed.getEndpoint();
      String method = endpoint.getMethod().name().toLowerCase(Locale.ROOT);
      if (!endpoint.getMethod().isHttpMethod()
          || method.equals("head")
          || method.equals("options")) {
        continue;
      }
      String path = endpoint.getPath();
      JsonNode item = paths.has(path) ? paths.get(path) : paths.get(path + "/");
      if (item == null) {
        item = paths.get(path.replace("{id}", "{endpoint_id}"));
      }
      if (item == null) {
        item = paths.get(path.replace("{id}", "{action_id}"));
      }
      if (item != null && item.has("$ref")) {
        item = Contract.get().document().at(item.get("$ref").asText().substring(1));
      }
      if (item == null || !item.has(method)) {
        missing.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    assertThat(missing).as("routes served but not documented").isEmpty();
  }
}
