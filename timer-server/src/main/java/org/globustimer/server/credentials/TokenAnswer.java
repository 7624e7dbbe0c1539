package org.globustimer.server.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.globustimer.core.json.Json;

/** What an issuer's token endpoint said to a grant. */
sealed interface TokenAnswer {

  /** New tokens; {@code refreshToken} and {@code expiresAt} may be null. */
  record Granted(String accessToken, String refreshToken, Instant expiresAt)
      implements TokenAnswer {}

  /** The issuer said no (a 4xx with an OAuth error such as {@code invalid_grant}). */
  record Refused(int status, String error, String description) implements TokenAnswer {
    String describe() {
      return error + (description.isBlank() ? "" : ": " + description);
    }
  }

  /** No answer worth acting on: the network failed or the issuer answered 5xx. */
  record Unreachable(String reason) implements TokenAnswer {}

  /** Reads a token endpoint's response: a 5xx or 429 is no answer, other errors a refusal. */
  static TokenAnswer of(URI url, HttpResponse<String> response, Clock clock) {
    int status = response.statusCode();
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body() == null ? "" : response.body());
    } catch (IOException e) {
      body = null;
    }
    if (status >= 500 || status == 429) {
      return new TokenAnswer.Unreachable(url + " answered " + status);
    }
    if (body == null || !body.isObject()) {
      return status == 200
          ? new TokenAnswer.Unreachable(url + " answered 200 without a JSON token response")
          : new TokenAnswer.Refused(status, "http_" + status, "");
    }
    if (status != 200 || !body.hasNonNull("access_token")) {
      return new TokenAnswer.Refused(
          status,
          body.path("error").asText(status == 200 ? "no_access_token" : "http_" + status),
          body.path("error_description").asText(""));
    }
    long expiresIn = body.path("expires_in").asLong(0);
    return new TokenAnswer.Granted(
        body.get("access_token").asText(),
        body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : null,
        expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null);
  }
}
