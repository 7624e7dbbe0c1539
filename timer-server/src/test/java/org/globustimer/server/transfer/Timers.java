package org.globustimer.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;

/** Transfer timers over the HTTP API: endpoints, timers in both API versions, their results. */
final class Timers {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Api api;

  Timers(Api api) {
    this.api = api;
  }

  Api api() {
    return api;
  }

  /** The run URL clients find in the discovery document. */
  String transferActionUrl() {
    Api.Answer discovery = api.get("/.well-known/globus-timer");
    assertThat(discovery.status()).as(discovery.raw()).isEqualTo(200);
    return discovery.body().get("transfer_action_url").asText();
  }

  /** A posix endpoint whose paths are relative to {@code root}. */
  String posixEndpoint(Path root) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("display_name", "test " + root.getFileName()).put("type", "posix");
    body.put("root", root.toString());
    Api.Answer created = api.post("/endpoints", body.toString());
    assertThat(created.status()).as(created.raw()).isIn(200, 201);
    return created.body().get("id").asText();
  }

  /** An Automate-shaped transfer body, as the seed CLI sends it. */
  static ObjectNode automate(String source, String destination, ObjectNode... items) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("source_endpoint_id", source).put("destination_endpoint_id", destination);
    ArrayNode list = body.putArray("transfer_items");
    for (ObjectNode item : items) {
      list.add(item);
    }
    return body;
  }

  static ObjectNode item(String source, String destination, boolean recursive) {
    ObjectNode item = Json.mapper().createObjectNode();
    return item.put("source_path", source)
        .put("destination_path", destination)
        .put("recursive", recursive);
  }

  /** A v1 timer starting now that calls the built-in provider with {@code transfer}. */
  String createV1(String name, int intervalSeconds, int runs, ObjectNode transfer) {
    return createV1(name, intervalSeconds, runs, transfer, Instant.now());
  }

  String createV1(String name, int intervalSeconds, int runs, ObjectNode transfer, Instant start) {
    ObjectNode job = Json.mapper().createObjectNode();
    job.put("name", name).put("start", start.toString());
    job.put("interval", intervalSeconds).put("callback_url", transferActionUrl());
    job.putObject("callback_body").set("body", transfer);
    job.putObject("stop_after").put("n_runs", runs);
    Api.Answer created = api.post("/jobs", job.toString());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  JsonNode job(String id) {
    Api.Answer answer = api.get("/jobs/" + id);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer.body();
  }

  /** Results whose run has reached a final state, oldest first. */
  List<JsonNode> finishedRuns(String id) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode result : job(id).path("results").path("data")) {
      String state = result.path("run_status").asText();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        out.addFirst(result);
      }
    }
    return out;
  }

  /** Waits for the first finished run that satisfies {@code test} and answers it. */
  JsonNode awaitRun(String id, Predicate<JsonNode> test) {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              for (JsonNode run : finishedRuns(id)) {
                if (test.test(run)) {
                  found.add(run);
                  return true;
                }
              }
              return false;
            });
    return found.getFirst();
  }

  /** Waits for the timer's first run to finish and answers it. */
  JsonNode awaitFirstRun(String id) {
    return awaitRun(id, run -> true);
  }

  /** The transfer task document of a run: {@code data.details}. */
  static JsonNode task(JsonNode run) {
    return run.path("data").path("details");
  }

  void delete(String id) {
    api.delete("/jobs/" + id);
  }
}
