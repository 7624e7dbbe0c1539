package org.globustimer.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.globustimer.core.json.Json;

/** A small HTTP client for tests: real requests, answers parsed as JSON. */
public final class Api {

  public record Answer(int status, JsonNode body, String raw) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;

  public Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * Every answer of the service must be one its OpenAPI document describes; a mismatch fails the
   * test that received it, whatever that test asserts itself.
   */
  private void checkAgainstContract(
      HttpRequest request, HttpResponse<String> response, JsonNode body) {
    String path = request.uri().getRawPath();
    String base = URI.create(baseUrl).getRawPath();
    if (base != null && !base.isEmpty() && !base.equals("/") && path.startsWith(base)) {
      path = path.substring(base.length());
    }
    List<String> problems =
        Contract.get().problems(request.method(), path, response.statusCode(), body);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "the answer does not match the OpenAPI document:\n  "
              + String.join("\n  ", problems)
              + "\nanswer: "
              + abbreviated(response.body()));
    }
  }

  private static String abbreviated(String text) {
    return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, String json) {
    HttpRequest.Builder builder =
        json == null
            ? request(path).POST(HttpRequest.BodyPublishers.noBody())
            : request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(builder);
  }

  public Answer patch(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder builder) {
    try {
      HttpRequest request = builder.build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body;
      try {
        body = response.body().isBlank() ? null : Json.mapper().readTree(response.body());
      } catch (IOException e) {
        body = null;
      }
      checkAgainstContract(request, response, body);
      return new Answer(response.statusCode(), body, response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
