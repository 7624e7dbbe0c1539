package org.globustimer.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated and mutated bodies and query strings through every route that takes input:
 * the service never answers 5xx, every answer has its documented shape (the test kit's client
 * checks each against the OpenAPI document) and a refused request creates nothing. The cases come
 * from a seeded generator whose seed every failure names. Each mutated body runs as a fresh
 * identity, so "nothing created" is that identity's timers and endpoints.
 */
class BadRequestsPropertyTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SEED_A = "ddb59aef-6d04-11e5-ba46-22000b92c6ec";
  private static final String SEED_B = "ddb59af0-6d04-11e5-ba46-22000b92c6ec";

  private static Path home;
  private static TestService service;
  private static FakeActionProvider provider;

  /** A request to send: method, path with query, and a body text (null for none). */
  record Request(String method, String path, String body) {
    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
      return method + " " + abbreviate(path) + " " + shown;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    home = Files.createTempDirectory("bad-requests");
    provider = new FakeActionProvider();
    service = TestService.start(home, Map.of("min_interval_seconds", "60"));
  }

  @AfterAll
  static void stop() {
    service.close();
    provider.close();
  }

  @Test
  void aMutatedBodyIsNeverAServerError() {
    for (int i = 0; i < CASES; i++) {
      checkMutatedBody(mutatedBody());
    }
  }

  private static void checkMutatedBody(Request request) {
    Api api = new Api(service.url(), service.addIdentity("prop-" + System.nanoTime()));
    String job = null;
    Snapshot before = fresh(api);
    if (request.path().contains("{job}")) {
      job = api.post("/jobs", v1().toString()).body().get("job_id").asText();
      before = Snapshot.of(api, job);
    }
    Api.Answer answer = sendNamingTheCase(api, request, job);
    assertThat(answer.status())
        .as("(seed %d) %s answered %s", SEED, request, answer.raw())
        .isLessThan(500);
    if (answer.status() >= 400) {
      assertThat(Snapshot.of(api, job))
          .as("(seed %d) a refused %s changed nothing", SEED, request)
          .isEqualTo(before);
    }
  }

  @Test
  void aGeneratedQueryIsNeverAServerError() {
    Api api = new Api(service.url(), service.token());
    for (int i = 0; i < CASES * 7 / 3; i++) {
      Request request = query();
      Api.Answer answer = sendNamingTheCase(api, request, null);
      assertThat(answer.status())
          .as("(seed %d) %s answered %s", SEED, request, answer.raw())
          .isLessThan(500);
    }
  }

  /** What every identity has before its first request: the same for all of them. */
  private static Snapshot fresh(Api api) {
    if (freshIdentity == null) {
      freshIdentity = Snapshot.of(api, null);
    }
    return freshIdentity;
  }

  private static Snapshot freshIdentity;

  /** The test kit's contract check fails on a 5xx too; its message must still name the case. */
  private static Api.Answer sendNamingTheCase(Api api, Request request, String job) {
    try {
      return send(api, request, job);
    } catch (AssertionError e) {
      throw new AssertionError("(seed " + SEED + ") " + request + ": " + e.getMessage(), e);
    }
  }

  private static Api.Answer send(Api api, Request request, String job) {
    String path = job == null ? request.path() : request.path().replace("{job}", job);
    return switch (request.method()) {
      case "POST" -> api.post(path, request.body());
      case "PATCH" -> api.patch(path, request.body());
      case "PUT" -> api.put(path, request.body());
      case "DELETE" -> api.delete(path);
      default -> api.get(path);
    };
  }

  /** What a refused request must leave as it was. */
  record Snapshot(int jobs, String job, int endpoints, String credentials) {
    static Snapshot of(Api api, String job) {
      JsonNode jobs = api.get("/jobs?show_deleted=true&result_count=0").body().get("jobs");
      String doc = null;
      if (job != null) {
        ObjectNode read = (ObjectNode) api.get("/jobs/" + job).body();
        read.remove(List.of("activity", "results", "next_run"));
        doc = read.toString();
      }
      int endpoints = api.get("/endpoints").body().get("endpoints").size();
      String credentials = api.get("/provider_credentials").body().toString();
      return new Snapshot(jobs.size(), doc, endpoints, credentials);
    }
  }

  // --- valid seeds, each the request a real client sends ---------------------------------

  private static ObjectNode v1() {
    ObjectNode body = NODES.objectNode();
    body.put("name", "seed").put("start", Instant.now().plusSeconds(86_400).toString());
    body.put("interval", 3600).put("callback_url", provider.runUrl());
    body.putObject("callback_body").putObject("body").put("x", 1);
    body.put("scope", "https://auth.globus.org/scopes/example/all");
    body.putObject("stop_after").put("n_runs", 3);
    return body;
  }

  private static ObjectNode v2Transfer() {
    ObjectNode outer = NODES.objectNode();
    ObjectNode timer = outer.putObject("timer");
    timer.put("name", "seed").put("timer_type", "transfer");
    ObjectNode schedule = timer.putObject("schedule");
    schedule.put("type", "recurring").put("interval_seconds", 3600);
    schedule.put("start", Instant.now().plusSeconds(86_400).toString());
    schedule.putObject("end").put("condition", "iterations").put("count", 2);
    timer.set("body", transferDocument());
    return outer;
  }

  private static ObjectNode v2Flow() {
    ObjectNode outer = NODES.objectNode();
    ObjectNode timer = outer.putObject("timer");
    timer.put("timer_type", "flow").put("flow_id", "0a6c7e1b-68c6-4b7c-a4f8-8a1b1e0a9f1e");
    timer.put("callback_url", provider.runUrl());
    ObjectNode schedule = timer.putObject("schedule");
    schedule.put("type", "once").put("datetime", Instant.now().plusSeconds(86_400).toString());
    timer.putObject("body").putObject("body").put("input", "value");
    return outer;
  }

  private static ObjectNode transferDocument() {
    ObjectNode body = NODES.objectNode();
    body.put("source_endpoint", SEED_A).put("destination_endpoint", SEED_B);
    body.put("label", "seed").put("sync_level", 1).put("verify_checksum", true);
    ObjectNode item = body.putArray("DATA").addObject();
    item.put("source_path", "/~/a.txt").put("destination_path", "/~/b.txt").put("recursive", false);
    body.putArray("filter_rules").addObject().put("method", "exclude").put("name", "*.tmp");
    return body;
  }

  private static ObjectNode patch() {
    ObjectNode body = NODES.objectNode();
    body.put("name", "renamed").put("interval", 7200);
    body.putObject("stop_after").put("n_runs", 5);
    return body;
  }

  private static ObjectNode endpoint() {
    ObjectNode body = NODES.objectNode();
    body.put("display_name", "seed").put("type", "sftp").put("host", "127.0.0.1");
    body.put("port", 2222).put("username", "u").put("password", "p").put("root", "/");
    return body;
  }

  private static ObjectNode actionRun() {
    ObjectNode body = NODES.objectNode();
    body.put("request_id", "seed").put("label", "seed");
    body.set("body", transferDocument());
    return body;
  }

  private static ObjectNode resume() {
    return NODES.objectNode().put("update_credentials", false);
  }

  private static ObjectNode credential() {
    return NODES.objectNode().put("refresh_token", "token");
  }

  // --- generators: seeded, so a failing case can be replayed with -Dbad_requests.seed=N ---

  private static final long SEED = Long.getLong("bad_requests.seed", System.nanoTime());
  private static final int CASES = Integer.getInteger("bad_requests.cases", 600);
  private static final SplittableRandom RANDOM = new SplittableRandom(SEED);

  private static final List<Request> SEEDS =
      List.of(
          new Request("POST", "/jobs", null),
          new Request("POST", "/jobs/", null),
          new Request("POST", "/v2/timer", "transfer"),
          new Request("POST", "/v2/timer", "flow"),
          new Request("PATCH", "/jobs/{job}", null),
          new Request("POST", "/jobs/{job}/resume", null),
          new Request("POST", "/endpoints", null),
          new Request("PUT", "/provider_credentials/example", null),
          new Request("POST", "/transfer/transfer/run", null),
          new Request("POST", "/transfer/transfer/actions", null));

  private static Request mutatedBody() {
    Request seed = pick(SEEDS);
    String body = seedFor(seed).toString();
    int count = 1 + RANDOM.nextInt(4);
    for (int i = 0; i < count; i++) {
      body = mutate(body);
    }
    return new Request(seed.method(), seed.path(), body);
  }

  private static JsonNode seedFor(Request r) {
    return switch (r.path()) {
      case "/jobs", "/jobs/" -> v1();
      case "/v2/timer" -> "flow".equals(r.body()) ? v2Flow() : v2Transfer();
      case "/jobs/{job}" -> patch();
      case "/jobs/{job}/resume" -> resume();
      case "/endpoints" -> endpoint();
      case "/provider_credentials/example" -> credential();
      default -> actionRun();
    };
  }

  /** One change to a body's text: a field removed, replaced or added, or the text broken. */
  private static String mutate(String body) {
    int kind = RANDOM.nextInt(11);
    if (kind < 8) {
      return mutateTree(body, RANDOM.nextInt(1_001), value(0), RANDOM.nextInt(3));
    }
    if (kind < 10) {
      int at = RANDOM.nextInt(10_001);
      int cut = Math.min(at, body.length());
      return at % 3 == 0
          ? body.substring(0, cut)
          : body.substring(0, cut) + text(40) + body.substring(cut);
    }
    return value(0).toString();
  }

  private static String mutateTree(String body, int choice, JsonNode value, int kind) {
    JsonNode tree = parse(body);
    if (tree == null) {
      return body;
    }
    List<ObjectNode> objects = new ArrayList<>();
    collect(tree, objects);
    if (objects.isEmpty()) {
      return value.toString();
    }
    ObjectNode target = objects.get(choice % objects.size());
    List<String> fields = new ArrayList<>();
    target.fieldNames().forEachRemaining(fields::add);
    if (kind == 2 || fields.isEmpty()) {
      target.set("extra_" + choice, value);
    } else if (kind == 1) {
      target.remove(fields.get(choice % fields.size()));
    } else {
      target.set(fields.get(choice % fields.size()), value);
    }
    return tree.toString();
  }

  private static void collect(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode object) {
      into.add(object);
    }
    node.elements().forEachRemaining(child -> collect(child, into));
  }

  private static JsonNode parse(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static final List<String> TELLING_TEXTS =
      List.of(
          "2030-01-01T00:00:00Z",
          "2030-01-01T00:00:00",
          "1969-12-31T23:59:59Z",
          "9999-12-31T23:59:59+14:00",
          "0000-01-01T00:00:00Z",
          SEED_A,
          "00000000-0000-0000-0000-000000000000",
          "transfer",
          "flow",
          "once",
          "recurring",
          "iterations",
          "time",
          "http://127.0.0.1:1/run",
          "file:///etc/passwd",
          "/~/../../etc",
          "\u0000",
          "P99999999999D");

  /** Any JSON value, weighted toward what breaks services: long texts, odd numbers, odd nesting. */
  private static JsonNode value(int depth) {
    int kind = RANDOM.nextInt(depth < 3 ? 9 : 7);
    return switch (kind) {
      case 0 -> NODES.textNode(text(40));
      case 1 -> NODES.numberNode(edgeInt());
      case 2 -> NODES.numberNode(RANDOM.nextBoolean() ? RANDOM.nextLong() : edgeInt());
      case 3 ->
          NODES.numberNode(
              new BigDecimal(RANDOM.nextLong())
                  .scaleByPowerOfTen(RANDOM.nextInt(-20, 22))
                  .setScale(3, java.math.RoundingMode.HALF_UP));
      case 4 -> NODES.numberNode(RANDOM.nextBoolean() ? RANDOM.nextDouble() * 1e12 : edgeDouble());
      case 5 -> pick(List.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
      case 6 -> NODES.textNode(pick(TELLING_TEXTS));
      case 7 -> {
        ArrayNode array = NODES.arrayNode();
        int size = RANDOM.nextInt(5);
        for (int i = 0; i < size; i++) {
          array.add(value(depth + 1));
        }
        yield array;
      }
      default -> NODES.objectNode().set(text(12), value(depth + 1));
    };
  }

  private static int edgeInt() {
    return RANDOM.nextInt(4) == 0
        ? pick(List.of(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 59, 60, 86_400))
        : RANDOM.nextInt();
  }

  private static double edgeDouble() {
    return pick(List.of(0.5, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e300, -1e300, 3.7));
  }

  private static final String ODD_CHARS = "é\u2028\uD83D\uDE00\"\\\n\t";

  /** A text up to {@code maxLength} of printable ASCII and characters that break parsers. */
  private static String text(int maxLength) {
    int length = RANDOM.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(
          RANDOM.nextInt(8) == 0
              ? ODD_CHARS.charAt(RANDOM.nextInt(ODD_CHARS.length()))
              : (char) RANDOM.nextInt(' ', '~' + 1));
    }
    return text.toString();
  }

  private static final List<String> QUERY_NAMES =
      List.of(
          "filter_status",
          "filter_name",
          "submitted_after",
          "submitted_before",
          "result_count",
          "order",
          "show_deleted",
          "limit",
          "all_users",
          "page_size",
          "results_pt",
          "update_credentials",
          "resume_policy",
          "path",
          "x");

  private static String queryValue() {
    return switch (RANDOM.nextInt(5)) {
      case 0 -> text(40);
      case 1 -> String.valueOf(edgeInt());
      case 2 -> String.valueOf(RANDOM.nextLong());
      case 3 -> "a".repeat(RANDOM.nextInt(1_000, 5_001));
      default -> pick(List.of("active,inactive,ended", "deleted", "-1", "1e99", "true", "NaN", ""));
    };
  }

  private static String id() {
    if (RANDOM.nextBoolean()) {
      return pick(
          List.of("00000000-0000-0000-0000-000000000000", SEED_A, "not-a-uuid", "%00", "..", "x"));
    }
    String text = text(40);
    return text.isBlank() ? "x" : URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Request query() {
    List<String> parts = new ArrayList<>();
    int count = RANDOM.nextInt(5);
    for (int i = 0; i < count; i++) {
      parts.add(pick(QUERY_NAMES) + "=" + URLEncoder.encode(queryValue(), StandardCharsets.UTF_8));
    }
    String q = String.join("&", parts);
    String path =
        switch (RANDOM.nextInt(7)) {
          case 0 ->
              pick(List.of("/jobs", "/jobs/", "/endpoints", "/provider_credentials", "/cluster"));
          case 1 -> "/jobs/" + id();
          case 2 -> "/v2/timer/" + id();
          case 3 -> "/endpoints/" + id();
          case 4 -> "/endpoints/" + id() + "/ls";
          case 5 -> "/transfer/transfer/" + id() + "/status";
          default -> "/transfer/transfer/actions/" + id();
        };
    String method = pick(List.of("GET", "GET", "GET", "DELETE", "POST"));
    if (method.equals("POST")) {
      path = path.matches("/jobs/[^/]+") ? path + "/pause" : path + "/resume";
    }
    return new Request(method, q.isEmpty() ? path : path + "?" + q, null);
  }

  private static <T> T pick(List<T> choices) {
    return choices.get(RANDOM.nextInt(choices.size()));
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
