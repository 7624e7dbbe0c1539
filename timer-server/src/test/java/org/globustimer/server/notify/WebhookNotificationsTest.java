package org.globustimer.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook notifications to a real receiver on a real port: signed, retried, sent once. */
class WebhookNotificationsTest {

  static final String SECRET = "webhook-secret";

  record Delivery(String id, String event, String timestamp, String signature, String body) {}

  @TempDir static Path home;
  static HttpServer receiver;
  static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  static final AtomicInteger refuseNext = new AtomicInteger(1);
  static TestService service;
  static FakeActionProvider provider;
  static Api api;

  @BeforeAll
  static void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            deliveries.add(
                new Delivery(
                    headers.getFirst("X-Globus-Timer-Notification"),
                    headers.getFirst("X-Globus-Timer-Event"),
                    headers.getFirst(Webhooks.TIMESTAMP),
                    headers.getFirst(Webhooks.SIGNATURE),
                    body));
            int status = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
          }
        });
    receiver.start();
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    service =
        TestService.start(
            home,
            Map.of(
                "min_interval_seconds",
                "1",
                "notify_webhook_url",
                hook,
                "notify_webhook_secret",
                SECRET,
                "notify_allowed_urls",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/"));
    provider = new FakeActionProvider();
    api = new Api(service.url(), service.token());
  }

  @AfterAll
  static void stop() {
    service.close();
    provider.close();
    receiver.stop(0);
  }

  @Test
  void aFailureAndTheRecoveryAreEachNotifiedOnceSignedAndRetriedUntilTaken() throws Exception {
    provider.refuseWith = 400;
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \"watched\", \"start\": \""
                + Instant.now()
                + "\", \"interval\": 8, \"stop_after\": {\"n_runs\": 2}, \"callback_url\": \""
                + provider.runUrl()
                + "\", \"callback_body\": {\"body\": {}}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("job_id").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> provider.submissions().size() >= 1);
    provider.refuseWith = 0;

    await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () ->
                api.get("/jobs/" + id + "/notifications").body().path("notifications").size() == 2
                    && api
                        .get("/jobs/" + id + "/notifications")
                        .body()
                        .path("notifications")
                        .findValuesAsText("state")
                        .stream()
                        .allMatch("delivered"::equals));

    JsonNode shown = api.get("/jobs/" + id + "/notifications").body().path("notifications");
    JsonNode runs = api.get("/jobs/" + id).body().path("results").path("data");
    assertThat(shown.findValuesAsText("event"))
        .as("notifications %s for runs %s", shown, runs)
        .containsExactlyInAnyOrder("failed", "recovered");
    Map<String, JsonNode> byEvent =
        java.util.stream.StreamSupport.stream(shown.spliterator(), false)
            .collect(Collectors.toMap(n -> n.get("event").asText(), n -> n));
    assertThat(byEvent).containsOnlyKeys("failed", "recovered");
    assertThat(byEvent.get("failed").get("attempts").asInt()).isEqualTo(2);
    assertThat(byEvent.get("recovered").get("attempts").asInt()).isEqualTo(1);

    // The refused first attempt and its retry carry the same notification; nothing else came.
    assertThat(deliveries.stream().map(Delivery::id).distinct()).hasSize(2);
    assertThat(deliveries).hasSize(3);
    for (Delivery d : deliveries) {
      assertThat(d.signature())
          .isEqualTo("sha256=" + Webhooks.sign(SECRET.getBytes(), d.timestamp(), d.body()));
    }
    JsonNode failed =
        Json.mapper()
            .readTree(
                deliveries.stream()
                    .filter(d -> d.event().equals("failed"))
                    .findFirst()
                    .orElseThrow()
                    .body());
    assertThat(failed.path("timer").path("job_id").asText()).isEqualTo(id);
    assertThat(failed.path("reason").asText()).contains("refused the request (400)");
    assertThat(failed.path("run").path("http_status").asInt()).isEqualTo(400);
    assertThat(failed.path("timer").path("dashboard_url").asText())
        .endsWith("/dashboard/#/timers/" + id);

    String metrics = new Api(service.url(), null).get("/metrics").raw();
    assertThat(metrics)
        .contains("globus_timer_notifications_total{outcome=\"delivered\"} 2.0")
        .contains("globus_timer_notifications_total{outcome=\"retrying\"} 1.0");
  }

  @Test
  void aWebhookOutsideTheAllowedUrlsIsRefusedAtStart() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                TestService.start(
                    home.resolve("other"),
                    Map.of(
                        "notify_webhook_url", "https://elsewhere.example/hook",
                        "notify_allowed_urls", "https://hooks.example/")))
        .hasMessageContaining("notify_webhook_url is not among notify_allowed_urls");
  }
}
