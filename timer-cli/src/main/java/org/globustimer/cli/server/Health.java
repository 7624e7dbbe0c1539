package org.globustimer.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.globustimer.core.json.Json;

/** Asks a service's {@code GET /health}; any failure is just "not healthy". */
final class Health {

  private HttpClient http;

  Optional<JsonNode> check(URI service) {
    try {
      if (http == null) {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      }
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(service.toString().replaceAll("/+$", "") + "/health"))
              .timeout(Duration.ofSeconds(3))
              .GET()
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode body = Json.mapper().readTree(response.body());
      return "ok".equals(body.path("status").asText()) ? Optional.of(body) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
