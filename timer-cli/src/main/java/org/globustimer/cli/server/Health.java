package org.globustimer.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.globustimer.core.json.Json;

/**
 * Asks a service's {@code GET /health} (and, with its token, {@code GET /cluster}); any failure is
 * just "not healthy" or "unknown".
 */
final class Health {

  private HttpClient http;

  Optional<JsonNode> check(URI service) {
    return get(service, "/health", null).filter(body -> "ok".equals(body.path("status").asText()));
  }

  /** The nodes sharing the service's database, with their claims. */
  Optional<JsonNode> cluster(URI service, String token) {
    return get(service, "/cluster", token).map(body -> body.path("nodes"));
  }

  private Optional<JsonNode> get(URI service, String path, String token) {
    try {
      if (http == null) {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(service.toString().replaceAll("/+$", "") + path))
              .timeout(Duration.ofSeconds(3))
              .GET();
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.of(Json.mapper().readTree(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
