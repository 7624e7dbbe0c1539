package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.json.Json;

/**
 * A remote action provider reached over HTTP at {@code base} (a run URL without its last {@code
 * /run}). Redirects are never followed, so a provider cannot send the engine elsewhere. A transport
 * failure surfaces as {@link ActionCallFailed}.
 */
final class HttpActionProvider implements ActionProvider {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final java.util.concurrent.Semaphore permits;
  private final String base;

  HttpActionProvider(HttpClient http, java.util.concurrent.Semaphore permits, String base) {
    this.http = http;
    this.permits = permits;
    this.base = base;
  }

  @Override
  public ActionReply run(String owner, JsonNode runRequest) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/run"))
            .POST(HttpRequest.BodyPublishers.ofString(runRequest.toString()))
            .header("Content-Type", "application/json"));
  }

  @Override
  public ActionReply status(String owner, String actionId) {
    return send(HttpRequest.newBuilder(URI.create(base + "/" + actionId + "/status")).GET());
  }

  @Override
  public ActionReply cancel(String owner, String actionId) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/" + actionId + "/cancel"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Override
  public ActionReply release(String owner, String actionId) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/" + actionId + "/release"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private ActionReply send(HttpRequest.Builder request) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionCallFailed(base + ": interrupted", e);
    }
    try {
      return exchange(request);
    } finally {
      permits.release();
    }
  }

  private ActionReply exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(TIMEOUT).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300 && response.statusCode() < 400) {
        return redirected(response);
      }
      return new ActionReply(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new ActionCallFailed(base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionCallFailed(base + ": interrupted", e);
    }
  }

  /** A provider must answer where it is asked; following it elsewhere could leak the request. */
  private static ActionReply redirected(HttpResponse<String> response) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("error", "redirect_not_followed");
    body.put("status_code", response.statusCode());
    body.put(
        "description",
        "the provider redirected to "
            + response.headers().firstValue("Location").orElse("(no location)")
            + "; redirects are not followed");
    return new ActionReply(response.statusCode(), body);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank()
          ? Json.mapper().createObjectNode()
          : Json.mapper().readTree(body);
    } catch (IOException e) {
      ObjectNode wrapper = Json.mapper().createObjectNode();
      wrapper.put("unparsed_response", body.length() > 2000 ? body.substring(0, 2000) : body);
      return wrapper;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
