package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.globustimer.cli.CliException;
import org.globustimer.cli.json.JsonText;

/** Sends requests to an issuer and reads its JSON answers; an error answer is an IssuerRefusal. */
final class IssuerHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  JsonNode get(URI uri, String what) {
    return call(HttpRequest.newBuilder(uri).GET(), what);
  }

  JsonNode post(URI uri, Map<String, String> fields, String what) {
    return call(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields))),
        what);
  }

  private JsonNode call(HttpRequest.Builder request, String what) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.timeout(TIMEOUT).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException("could not " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
    JsonNode body;
    try {
      body = response.body().isBlank() ? JsonText.object() : JsonText.read(response.body());
    } catch (IOException e) {
      body = JsonText.object();
    }
    if (response.statusCode() >= 300) {
      String error = body.path("error").asText("");
      String reason = body.path("error_description").asText(error);
      throw new IssuerRefusal(
          "could not "
              + what
              + ": the issuer answered "
              + response.statusCode()
              + (reason.isBlank() ? "" : " (" + reason + ")"),
          error);
    }
    return body;
  }

  static String form(Map<String, String> fields) {
    StringJoiner joined = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            joined.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joined.toString();
  }
}
