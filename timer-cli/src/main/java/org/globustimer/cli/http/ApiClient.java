package org.globustimer.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.globustimer.cli.CliException;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.core.json.Json;

/** JSON over HTTP to one timer service; every failure becomes a one-line {@link CliException}. */
public final class ApiClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final Connection connection;
  private final VersionSkew skew;

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
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (auth) {
      connection.tokens().token().ifPresent(t -> headers.put("Authorization", "Bearer " + t));
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    Http.Answer answer = exchange(method, uri, headers, body == null ? null : write(body));
    skew.observe(connection.url(), answer.firstHeader(BuildInfo.VERSION_HEADER));
    int status = answer.status();
    if (status >= 400) {
      throw failure(status, answer.body());
    }
    return read(answer.body(), uri);
  }

  private Http.Answer exchange(String method, URI uri, Map<String, String> headers, String body) {
    try {
      return Http.send(method, uri, headers, body, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    } catch (Http.ConnectTimeout | ConnectException e) {
      throw unreachable("no connection", e);
    } catch (Http.AnswerTimeout e) {
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
