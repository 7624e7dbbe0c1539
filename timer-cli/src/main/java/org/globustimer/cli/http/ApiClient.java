package org.globustimer.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.globustimer.cli.CliException;
import org.globustimer.cli.json.JsonText;
import org.globustimer.core.build.BuildInfo;

/** JSON over HTTP to one timer service; every failure becomes a one-line {@link CliException}. */
public final class ApiClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final Connection connection;
  private final VersionSkew skew;
  private final ServiceErrors errors;

  public ApiClient(Connection connection, VersionSkew skew) {
    this.connection = connection;
    this.skew = skew;
    this.errors = new ServiceErrors(connection);
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
    URI uri = QueryString.append(connection.resolve(path), query);
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
      throw errors.of(status, answer.body());
    }
    return read(answer.body(), uri);
  }

  private Http.Answer exchange(String method, URI uri, Map<String, String> headers, String body) {
    try {
      return Http.send(method, uri, headers, body, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    } catch (Http.ConnectTimeout | ConnectException e) {
      throw errors.unreachable("no connection", e);
    } catch (Http.AnswerTimeout e) {
      throw errors.noAnswerWithin(REQUEST_TIMEOUT, e);
    } catch (IOException e) {
      throw errors.unreachable(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }

  private JsonNode read(String body, URI uri) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JsonText.read(body);
    } catch (JsonProcessingException e) {
      throw new CliException(uri + " did not answer with JSON; is it a timer service?", e);
    }
  }

  private static String write(JsonNode body) {
    return JsonText.write(body);
  }
}
