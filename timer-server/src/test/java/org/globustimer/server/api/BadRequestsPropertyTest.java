package org.globustimer.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;

/**
 * Thousands of generated and mutated bodies and query strings through every route that takes input:
 * the service never answers 5xx, every answer has its documented shape (the test kit's client
 * checks each against the OpenAPI document) and a refused request creates nothing. Each try runs as
 * a fresh identity, so "nothing created" is that identity's timers and endpoints.
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

  @BeforeContainer
  static void start() throws IOException {
    home = Files.createTempDirectory("bad-requests");
    provider = new FakeActionProvider();
    service = TestService.start(home, Map.of("min_interval_seconds", "60"));
  }

  @AfterContainer
  static void stop() {
    service.close();
    provider.close();
  }

  @Property(tries = 600)
  void aMutatedBodyIsNeverAServerError(@ForAll("mutatedBodies") Request request) {
    Api api = new Api(service.url(), service.addIdentity("prop-" + System.nanoTime()));
    String job = null;
    Snapshot before = fresh(api);
    if (request.path().contains("{job}")) {
      job = api.post("/jobs", v1().toString()).body().get("job_id").asText();
      before = Snapshot.of(api, job);
    }
    Api.Answer answer = send(api, request, job);
    assertThat(answer.status()).as("%s answered %s", request, answer.raw()).isLessThan(500);
    if (answer.status() >= 400) {
      assertThat(Snapshot.of(api, job))
          .as("a refused %s changed nothing", request)
          .isEqualTo(before);
    }
  }

  @Property(tries = 1400)
  void aGeneratedQueryIsNeverAServerError(@ForAll("queries") Request request) {
    Api api = new Api(service.url(), service.token());
    Api.Answer answer = send(api, request, null);
    assertThat(answer.status()).as("%s answered %s", request, answer.raw()).isLessThan(500);
  }

  /** What every identity has before its first request: the same for all of them. */
  private static Snapshot fresh(Api api) {
    if (freshIdentity == null) {
      freshIdentity = Snapshot.of(api, null);
    }
    return freshIdentity;
  }

  private static Snapshot freshIdentity;

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

  // --- generators ---------------------------------------------------------------------

  @Provide
  Arbitrary<Request> mutatedBodies() {
    Arbitrary<Request> seeds =
        Arbitraries.of(
                new Request("POST", "/jobs", null),
                new Request("POST", "/jobs/", null),
                new Request("POST", "/v2/timer", "transfer"),
                new Request("POST", "/v2/timer", "flow"),
                new Request("PATCH", "/jobs/{job}", null),
                new Request("POST", "/jobs/{job}/resume", null),
                new Request("POST", "/endpoints", null),
                new Request("PUT", "/provider_credentials/example", null),
                new Request("POST", "/transfer/transfer/run", null),
                new Request("POST", "/transfer/transfer/actions", null))
            .map(r -> new Request(r.method(), r.path(), seedFor(r).toString()));
    return Combinators.combine(seeds, mutations().list().ofMinSize(1).ofMaxSize(4))
        .as(
            (seed, mutations) -> {
              String body = seed.body();
              for (Mutation mutation : mutations) {
                body = mutation.apply(body);
              }
              return new Request(seed.method(), seed.path(), body);
            });
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
  interface Mutation {
    String apply(String body);
  }

  private Arbitrary<Mutation> mutations() {
    Arbitrary<Mutation> onTree =
        Combinators.combine(
                Arbitraries.integers().between(0, 1_000), values(), Arbitraries.of(0, 1, 2))
            .as(
                (choice, value, kind) ->
                    body -> {
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
                    });
    Arbitrary<Mutation> onText =
        Combinators.combine(Arbitraries.integers().between(0, 10_000), texts())
            .as(
                (at, junk) ->
                    body -> {
                      int cut = Math.min(at, body.length());
                      return at % 3 == 0
                          ? body.substring(0, cut)
                          : body.substring(0, cut) + junk + body.substring(cut);
                    });
    Arbitrary<Mutation> whole = values().map(value -> body -> value.toString());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, onTree),
        net.jqwik.api.Tuple.of(2, onText),
        net.jqwik.api.Tuple.of(1, whole));
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

  /** Any JSON value, weighted toward what breaks services: long texts, odd numbers, odd nesting. */
  private Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> scalars =
        Arbitraries.oneOf(
            texts().map(NODES::textNode),
            Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
            Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
            Arbitraries.bigDecimals()
                .ofScale(3)
                .between(new java.math.BigDecimal("-1e40"), new java.math.BigDecimal("1e40"))
                .map(d -> (JsonNode) NODES.numberNode(d)),
            Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
            Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()),
            Arbitraries.of(
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
                    "P99999999999D")
                .map(NODES::textNode));
    return Arbitraries.recursive(
        () -> scalars,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(list -> (JsonNode) array(list)),
                Combinators.combine(texts().ofMaxLength(12), inner)
                    .as((key, value) -> (JsonNode) NODES.objectNode().set(key, value))),
        0,
        3);
  }

  private static ArrayNode array(List<JsonNode> items) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(array::add);
    return array;
  }

  private static net.jqwik.api.arbitraries.StringArbitrary texts() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('é', '\u2028', '\uD83D', '\uDE00', '"', '\\', '\n', '\t')
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<Request> queries() {
    Arbitrary<String> names =
        Arbitraries.of(
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
    Arbitrary<String> values =
        Arbitraries.oneOf(
            texts(),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1_000).ofMaxLength(5_000),
            Arbitraries.of("active,inactive,ended", "deleted", "-1", "1e99", "true", "NaN", ""));
    Arbitrary<String> query =
        Combinators.combine(names, values)
            .as((n, v) -> n + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))
            .list()
            .ofMaxSize(4)
            .map(parts -> String.join("&", parts));
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            Arbitraries.of(
                "00000000-0000-0000-0000-000000000000", SEED_A, "not-a-uuid", "%00", "..", "x"),
            texts()
                .filter(t -> !t.isBlank())
                .map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8)));
    Arbitrary<String> paths =
        Arbitraries.oneOf(
            Arbitraries.of("/jobs", "/jobs/", "/endpoints", "/provider_credentials", "/cluster"),
            ids.map(id -> "/jobs/" + id),
            ids.map(id -> "/v2/timer/" + id),
            ids.map(id -> "/endpoints/" + id),
            ids.map(id -> "/endpoints/" + id + "/ls"),
            ids.map(id -> "/transfer/transfer/" + id + "/status"),
            ids.map(id -> "/transfer/transfer/actions/" + id));
    Arbitrary<String> methods = Arbitraries.of("GET", "GET", "GET", "DELETE", "POST");
    return Combinators.combine(methods, paths, query)
        .as(
            (method, path, q) -> {
              if (method.equals("POST")) {
                path = path.matches("/jobs/[^/]+") ? path + "/pause" : path + "/resume";
              }
              return new Request(method, q.isEmpty() ? path : path + "?" + q, null);
            });
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
