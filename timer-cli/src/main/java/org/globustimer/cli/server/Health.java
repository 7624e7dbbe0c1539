package org.globustimer.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.globustimer.cli.http.Http;
import org.globustimer.cli.json.JsonText;

/**
 * Asks a service's {@code GET /health} (and, with its token, {@code GET /cluster}); any failure is
 * just "not healthy" or "unknown".
 */
final class Health {

  Optional<JsonNode> check(URI service) {
    return get(service, "/health", null).filter(body -> "ok".equals(body.path("status").asText()));
  }

  /** The nodes sharing the service's database, with their claims. */
  Optional<JsonNode> cluster(URI service, String token) {
    return get(service, "/cluster", token).map(body -> body.path("nodes"));
  }

  private Optional<JsonNode> get(URI service, String path, String token) {
    try {
      URI uri = URI.create(service.toString().replaceAll("/+$", "") + path);
      Map<String, String> headers =
          token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
      Http.Answer answer =
          Http.send("GET", uri, headers, null, Duration.ofSeconds(2), Duration.ofSeconds(3));
      if (answer.status() != 200) {
        return Optional.empty();
      }
      return Optional.of(JsonText.read(answer.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
