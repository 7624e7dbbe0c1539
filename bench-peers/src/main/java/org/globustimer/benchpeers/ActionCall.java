package org.globustimer.benchpeers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * What a peer's job does when it fires: one blocking POST to the no-op action, naming the job and
 * the tick it fires for, as the engine's own action call would.
 */
final class ActionCall {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI runUrl;

  ActionCall(String runUrl) {
    this.runUrl = URI.create(runUrl);
  }

  void fire(int job, Instant tick) {
    long tickMicros = Micros.of(tick);
    String body =
        "{\"request_id\":\""
            + job
            + "-"
            + tickMicros
            + "\",\"body\":{\"i\":"
            + job
            + ",\"t\":"
            + tickMicros
            + "}}";
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(runUrl)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 202) {
        throw new IllegalStateException("action answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("action call failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
