package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Provider calls over plain http, against a real server on a real port. */
class PlainHttpProviderTest {

  private final RawHttpServer server;
  private final ActionRouter router;

  PlainHttpProviderTest() throws Exception {
    server = new RawHttpServer();
    router =
        new ActionRouter(
            null, List.of(), List.of(server.base() + "/"), null, Duration.ofMillis(500));
  }

  @AfterEach
  void stop() throws Exception {
    router.close();
    server.close();
  }

  private ActionProvider provider() {
    return router.providerFor(server.base() + "/noop/run");
  }

  private static JsonNode request(int i) throws Exception {
    return Json.mapper().readTree("{\"request_id\":\"r" + i + "\",\"body\":{\"i\":" + i + "}}");
  }

  @Test
  void callsOneAfterAnotherShareOneKeptAliveConnection() throws Exception {
    for (int i = 0; i < 5; i++) {
      ActionReply reply = provider().run("owner", request(i));
      assertThat(reply.httpStatus()).isEqualTo(202);
      assertThat(reply.body().get("action_id").asText()).isEqualTo("a1");
    }
    provider().status("owner", "a1");
    assertThat(server.connections()).isEqualTo(1);
    RawHttpServer.Request first = server.requests.getFirst();
    assertThat(first.line()).isEqualTo("POST /noop/run HTTP/1.1");
    assertThat(first.head()).containsIgnoringCase("content-type: application/json\r\n");
    assertThat(first.head()).containsIgnoringCase("accept: application/json\r\n");
    assertThat(Json.mapper().readTree(first.body())).isEqualTo(request(0));
    assertThat(server.requests.getLast().line()).isEqualTo("GET /noop/a1/status HTTP/1.1");
  }

  @Test
  void aConnectionTheServerClosedIsReplacedAndTheCallStillAnswered() throws Exception {
    server.mode = RawHttpServer.Mode.CLOSE_AFTER_ANSWER;
    for (int i = 0; i < 4; i++) {
      assertThat(provider().run("owner", request(i)).httpStatus()).isEqualTo(202);
    }
    assertThat(server.connections()).isGreaterThanOrEqualTo(4);
    // each tick reached the provider once: a retry happens only when no request got through
    assertThat(server.requests).extracting(r -> r.body()).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void manyConnectionsTheServerClosedAtOnceAreAllReplaced() throws Exception {
    server.mode = RawHttpServer.Mode.CLOSE_AFTER_ANSWER;
    int calls = 16;
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int index = i;
        statuses.add(threads.submit(() -> provider().run("owner", request(index)).httpStatus()));
      }
      for (var status : statuses) {
        assertThat(status.get()).isEqualTo(202);
      }
    }
    // the pool now holds connections the server has closed; each later call still gets through
    for (int i = calls; i < 2 * calls; i++) {
      assertThat(provider().run("owner", request(i)).httpStatus()).isEqualTo(202);
    }
    assertThat(server.requests).extracting(r -> r.body()).doesNotHaveDuplicates().hasSize(32);
  }

  @Test
  void aServerThatNeverAnswersTimesOutAsATransientFailure() throws Exception {
    server.mode = RawHttpServer.Mode.NEVER_ANSWER;
    Answer answer = Answer.of(() -> provider().run("owner", jsonOf(1)));
    assertThat(answer).isInstanceOf(Answer.Transient.class);
    assertThat(((Answer.Transient) answer).reason()).startsWith(server.base() + "/noop: ");
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void aServerErrorIsAnAnswerWorthRetrying() throws Exception {
    server.answer = "HTTP/1.1 503 Service Unavailable";
    server.answerBody = "{\"error\":\"busy\"}";
    Answer answer = Answer.of(() -> provider().run("owner", jsonOf(1)));
    assertThat(answer).isInstanceOf(Answer.Transient.class);
    assertThat(((Answer.Transient) answer).httpStatus()).isEqualTo(503);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    server.answer = "HTTP/1.1 302 Found\r\nLocation: http://elsewhere.example.org/run";
    server.answerBody = "";
    ActionReply reply = provider().run("owner", jsonOf(1));
    assertThat(reply.httpStatus()).isEqualTo(302);
    assertThat(reply.body().get("error").asText()).isEqualTo("redirect_not_followed");
    assertThat(reply.body().get("description").asText()).contains("http://elsewhere.example.org");
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsATransientFailureNamingTheProvider() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    ActionRouter refused = new ActionRouter(null, List.of(), List.of(base + "/"), null);
    try {
      ActionProvider provider = refused.providerFor(base + "/noop/run");
      assertThatThrownBy(() -> provider.run("owner", jsonOf(1)))
          .isInstanceOf(ActionCallFailed.class)
          .hasMessageStartingWith(base + "/noop: ")
          .hasMessageContaining("ConnectException");
      assertThat(Answer.of(() -> provider.run("owner", jsonOf(1))))
          .isInstanceOf(Answer.Transient.class);
    } finally {
      refused.close();
    }
  }

  private static JsonNode jsonOf(int i) {
    try {
      return request(i);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
