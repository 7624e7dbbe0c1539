package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service calls only allowed action URLs and never follows a provider's redirect. */
class OutboundTest {

  @TempDir static Path home;
  static FakeActionProvider elsewhere;
  static HttpServer redirecting;
  static final AtomicInteger redirected = new AtomicInteger();
  static TestService service;
  static Api api;
  static String allowed;

  @BeforeAll
  static void start() throws IOException {
    elsewhere = new FakeActionProvider();
    redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirecting.createContext(
        "/allowed",
        exchange -> {
          try (exchange) {
            redirected.incrementAndGet();
            exchange.getResponseHeaders().add("Location", elsewhere.runUrl());
            exchange.sendResponseHeaders(307, -1);
          }
        });
    redirecting.start();
    allowed = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/allowed";
    service = TestService.start(home, Map.of("allowed_action_urls", allowed));
    api = new Api(service.url(), service.token());
  }

  @AfterAll
  static void stop() {
    service.close();
    redirecting.stop(0);
    elsewhere.close();
  }

  private static Api.Answer create(String callbackUrl) {
    return api.post(
        "/jobs",
        "{\"name\": \"out\", \"start\": \""
            + Instant.now()
            + "\", \"interval\": 3600, \"callback_url\": \""
            + callbackUrl
            + "\", \"callback_body\": {\"body\": {}}}");
  }

  @Test
  void actionUrlsOutsideTheAllowListAreRefused() {
    String host = "127.0.0.1:" + redirecting.getAddress().getPort();
    assertThat(create(elsewhere.runUrl()).status()).isEqualTo(422);
    assertThat(create("http://" + host + "/allowed-not/run").status()).isEqualTo(422);
    assertThat(create("http://" + host + "@127.0.0.2:9/allowed/run").status()).isEqualTo(422);
    assertThat(create("https://" + host + "/allowed/run").status()).isEqualTo(422);
    assertThat(create(allowed + "/run").status()).isEqualTo(201);
    assertThat(elsewhere.submissions()).isEmpty();
  }

  @Test
  void aRedirectToAnotherUrlIsNotFollowed() {
    Api.Answer created = create(allowed + "/redirect/run");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("job_id").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !api.get("/jobs/" + id).body().at("/results/data").isEmpty());
    var result = api.get("/jobs/" + id).body().at("/results/data/0");
    assertThat(result.get("status").asInt()).as(result.toString()).isEqualTo(307);
    assertThat(result.toString()).contains("307");
    assertThat(redirected.get()).isPositive();
    assertThat(elsewhere.submissions()).isEmpty();
  }
}
