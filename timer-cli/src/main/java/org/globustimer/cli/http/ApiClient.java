package org.globustimer.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.globustimer.cli.CliException;
import org.globustimer.core.json.Json;

/** JSON over HTTP to one timer service; every failure becomes a one-line {@link CliException}. */
public final class ApiClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final Connection connection;
  private final VersionSkew skew;
  private HttpClient http;

  public ApiClient(Connection connection, VersionSkew skew) {
    this.connection = connection;
    this.skew = skew;
  }

  public Connection connection() {
    return connection;
  }

  public JsonNode get(String path, Map<String, String> query) {
    return send("GET", path, query, null, true);
  }

  public JsonNode post(String path, Map<String, String> query, JsonNode body) {
    return send("POST", path, query, body, true);
  }

  public JsonNode put(String path, JsonNode body) {
    return send("PUT", path, Map.of(), body, true);
  }

  public JsonNode patch(String path, JsonNode body) {
    return send("PATCH", path, Map.of(), body, true);
  }

  public JsonNode delete(String path) {
    return send("DELETE", path, Map.of(), null, true);
  }

  /** The service's discovery document, or empty when it has none (a service other than ours). */
  public Optional<JsonNode> discovery() {
    try {
      JsonNode doc = send("GET", "/.well-known/globus-timer", Map.of(), null, false);
      return doc.isObject() ? Optional.of(doc) : Optional.empty();
    } catch (NotFound e) {
      return Optional.empty();
    }
  }

  public JsonNode send(
      String method, String path, Map<String, String> query, JsonNode body, boolean auth) {
    URI uri = withQuery(connection.resolve(path), query);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    if (auth) {
      connection.tokens().token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = exchange(request.build());
    skew.observe(connection.url(), response.headers());
    int status = response.statusCode();
    if (status >= 400) {
      throw failure(status, response.body());
    }
    return read(response.body(), uri);
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable("no connection", e);
    } catch (HttpTimeoutException e) {
      throw new CliException(
          "the timer service at "
              + connection.url()
              + " did not answer within "
              + REQUEST_TIMEOUT.toSeconds()
              + " s",
          e);
    } catch (IOException e) {
      throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }

  private CliException unreachable(String why, Exception cause) {
    String hint = connection.local() ? "; see 'globus-timer server status'" : "";
    return new CliException(
        "cannot reach the timer service at " + connection.url() + " (" + why + ")" + hint, cause);
  }

  private CliException failure(int status, String body) {
    String detail = ErrorDetail.describe(status, body);
    if (status == 401) {
      boolean none = connection.tokens().token().isEmpty();
      String what = none ? "no token for " + connection.url() : detail;
      return new CliException(what + "; " + connection.tokens().hint());
    }
    if (status == 403) {
      return new CliException("not allowed: " + detail);
    }
    if (status == 404) {
      return new NotFound(detail);
    }
    return new CliException(detail);
  }

  /** A 404, which some callers treat as an answer rather than a failure. */
  public static final class NotFound extends CliException {
    NotFound(String detail) {
      super(detail);
    }
  }

  private HttpClient client() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return http;
  }

  private JsonNode read(String body, URI uri) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new CliException(uri + " did not answer with JSON; is it a timer service?", e);
    }
  }

  private static String write(JsonNode body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static URI withQuery(URI uri, Map<String, String> query) {
    if (query == null || query.isEmpty()) {
      return uri;
    }
    StringJoiner joined = new StringJoiner("&", uri + "?", "");
    new LinkedHashMap<>(query)
        .forEach(
            (key, value) -> {
              if (value != null) {
                joined.add(encode(key) + "=" + encode(value));
              }
            });
    return URI.create(joined.toString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
