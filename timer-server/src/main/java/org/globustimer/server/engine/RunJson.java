package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;

/** The run request a timer sends, the backoff between attempts, and the JSON kept of answers. */
final class RunJson {

  private RunJson() {}

  static JsonNode runRequest(TimerRow timer, RunRow run) {
    ObjectNode request = Json.mapper().createObjectNode();
    request.put("request_id", run.requestId());
    JsonNode callbackBody = parse(timer.definition().callbackBody());
    if (callbackBody instanceof ObjectNode object && object.has("body")) {
      request.setAll(object.deepCopy());
      request.put("request_id", run.requestId());
    } else {
      request.set("body", callbackBody);
    }
    return request;
  }

  /**
   * Backoff with jitter from about 0.1 s, doubling: short intervals allow retries only within half
   * the interval, and the commonest transient failure (a kept-alive connection the provider had
   * closed) is cured by trying again at once.
   */
  static Duration backoff(int attempts) {
    long base = Math.min(60_000L, 100L * (1L << Math.min(attempts, 12)));
    return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  static String errors(String reason) {
    return Json.mapper().createArrayNode().add(reason).toString();
  }

  static String text(JsonNode node) {
    return node == null ? null : node.toString();
  }

  static String textOrNull(JsonNode node, String field) {
    return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  static JsonNode parse(String json) {
    try {
      return json == null ? Json.mapper().nullNode() : Json.mapper().readTree(json);
    } catch (IOException e) {
      return Json.mapper().getNodeFactory().textNode(json);
    }
  }
}
