package org.globustimer.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.globustimer.core.json.Json;

/**
 * An action provider over real HTTP on loopback that records every run request (request id and
 * arrival time). Actions stay ACTIVE for {@link #actionDuration} and then succeed; the next {@link
 * #failNext} submissions answer 503; {@link #refuseWith} makes every submission answer that status;
 * {@link #acceptsBearer}, when set, answers 401 to calls whose bearer token it rejects. A cancelled
 * action is FAILED from then on.
 */
public final class FakeActionProvider implements AutoCloseable {

  /** {@code authorization} is the request's Authorization header, or null. */
  public record Submission(
      String requestId, Instant arrivedAt, JsonNode request, String authorization) {}

  private record Action(String id, String requestId, Instant started) {}

  private final Clock clock;
  private final HttpServer server;
  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final Map<String, Action> actionsByRequest = new ConcurrentHashMap<>();
  private final Map<String, Action> actionsById = new ConcurrentHashMap<>();
  private final List<Instant> statusChecks = new CopyOnWriteArrayList<>();
  private final List<String> cancelled = new CopyOnWriteArrayList<>();
  public final AtomicInteger failNext = new AtomicInteger();
  public volatile Duration actionDuration = Duration.ZERO;
  public volatile int refuseWith = 0;
  public volatile Predicate<String> acceptsBearer = null;

  /**
   * When set, the next submission waits until it opens: one held before the provider takes note of
   * it is a call whose caller died before it arrived; one held after it created the action, a call
   * whose caller died before hearing the answer. {@link #held} opens when a call is being held.
   */
  public final AtomicReference<CountDownLatch> holdBeforeRecording = new AtomicReference<>();

  public final AtomicReference<CountDownLatch> holdAfterCreating = new AtomicReference<>();
  public final CountDownLatch held = new CountDownLatch(1);

  public FakeActionProvider() {
    this(Clock.systemUTC());
  }

  /** A provider whose actions and arrival times follow {@code clock}. */
  public FakeActionProvider(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String runUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fake/run";
  }

  public List<Submission> submissions() {
    return List.copyOf(submissions);
  }

  public List<String> requestIds() {
    return submissions.stream().map(Submission::requestId).toList();
  }

  /** The id of the one action created for {@code requestId}, or null when none was. */
  public String actionIdFor(String requestId) {
    Action action = actionsByRequest.get(requestId);
    return action == null ? null : action.id();
  }

  /** How many actions were created: one per distinct request id accepted. */
  public int actionCount() {
    return actionsById.size();
  }

  public int statusChecks() {
    return statusChecks.size();
  }

  /** When each status check arrived. */
  public List<Instant> statusCheckTimes() {
    return List.copyOf(statusChecks);
  }

  /** Ids of the actions the caller asked to cancel, in order. */
  public List<String> cancelled() {
    return List.copyOf(cancelled);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    try (exchange) {
      if (method.equals("POST") && path.equals("/fake/run")) {
        JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
        String requestId = request.path("request_id").asText();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        hold(holdBeforeRecording);
        submissions.add(new Submission(requestId, clock.instant(), request, authorization));
        if (!authorized(authorization)) {
          reply(exchange, 401, error(401, "the bearer token is not accepted here"));
          return;
        }
        if (refuseWith != 0) {
          reply(exchange, refuseWith, error(refuseWith, "refused by the fake provider"));
          return;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          reply(exchange, 503, error(503, "temporarily unavailable"));
          return;
        }
        Action existing = actionsByRequest.get(requestId);
        if (existing != null) {
          reply(exchange, 200, status(existing));
          return;
        }
        Action action =
            new Action(java.util.UUID.randomUUID().toString(), requestId, clock.instant());
        actionsByRequest.put(requestId, action);
        actionsById.put(action.id(), action);
        hold(holdAfterCreating);
        reply(exchange, 202, status(action));
      } else if (method.equals("POST") && path.startsWith("/fake/") && path.endsWith("/cancel")) {
        String id = path.substring("/fake/".length(), path.length() - "/cancel".length());
        Action action = actionsById.get(id);
        if (action == null) {
          reply(exchange, 404, error(404, "no action " + id));
        } else {
          cancelled.add(id);
          reply(exchange, 200, status(action));
        }
      } else if (method.equals("GET") && path.startsWith("/fake/") && path.endsWith("/status")) {
        statusChecks.add(clock.instant());
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
          reply(exchange, 401, error(401, "the bearer token is not accepted here"));
          return;
        }
        String id = path.substring("/fake/".length(), path.length() - "/status".length());
        Action action = actionsById.get(id);
        if (action == null) {
          reply(exchange, 404, error(404, "no action " + id));
        } else {
          reply(exchange, 200, status(action));
        }
      } else {
        reply(exchange, 404, error(404, "no route " + method + " " + path));
      }
    }
  }

  private void hold(AtomicReference<CountDownLatch> hold) {
    CountDownLatch latch = hold.getAndSet(null);
    if (latch != null) {
      held.countDown();
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean authorized(String authorization) {
    Predicate<String> check = acceptsBearer;
    if (check == null) {
      return true;
    }
    return authorization != null
        && authorization.startsWith("Bearer ")
        && check.test(authorization.substring("Bearer ".length()));
  }

  private ObjectNode status(Action action) {
    boolean done = !clock.instant().isBefore(action.started().plus(actionDuration));
    boolean stopped = cancelled.contains(action.id());
    ObjectNode status = Json.mapper().createObjectNode();
    status.put("action_id", action.id());
    status.put("status", stopped ? "FAILED" : done ? "SUCCEEDED" : "ACTIVE");
    status.put("creator_id", "urn:globus:auth:identity:fake");
    status.put("display_status", done ? "Done" : "Running");
    status.put("start_time", action.started().toString());
    status.putObject("details").put("request_id", action.requestId());
    return status;
  }

  private static ObjectNode error(int code, String description) {
    ObjectNode error = Json.mapper().createObjectNode();
    error.put("error", "fake_error");
    error.put("status_code", code);
    error.put("description", description);
    return error;
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
