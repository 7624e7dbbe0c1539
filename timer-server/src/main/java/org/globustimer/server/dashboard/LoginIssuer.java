package org.globustimer.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.globustimer.core.json.Json;
import org.globustimer.server.auth.AuthSettings.LoginAdvert;
import org.globustimer.server.auth.IssuerMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard's calls to its OpenID Connect issuer: its metadata and the code exchange. */
final class LoginIssuer {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  // Logged under the name of the sign-in flow, as it always was.
  private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

  private final LoginAdvert login;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile IssuerMetadata metadata;

  LoginIssuer(LoginAdvert login) {
    this.login = login;
  }

  /** The issuer's metadata, read once it can be; null while it cannot. */
  IssuerMetadata metadata() {
    IssuerMetadata known = metadata;
    if (known == null) {
      try {
        known = IssuerMetadata.fetch(http, login.issuer());
        metadata = known;
      } catch (IOException e) {
        log.warn("cannot read the issuer's metadata for dashboard sign-in: {}", e.getMessage());
      }
    }
    return known;
  }

  /** Trades the authorization code for an access token; empty when the issuer gave none. */
  Optional<TokenGrant> exchange(String code, String redirectUri, String verifier) {
    IssuerMetadata issuer = metadata();
    if (issuer == null || issuer.tokenEndpoint() == null) {
      return Optional.empty();
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri);
    body.put("client_id", login.clientId());
    body.put("code_verifier", verifier);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(issuer.tokenEndpoint())
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Pkce.form(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        log.warn(
            "the issuer's token endpoint answered {} to a dashboard sign-in",
            response.statusCode());
        return Optional.empty();
      }
      JsonNode answer = Json.mapper().readTree(response.body());
      String token = answer.path("access_token").asText("");
      if (token.isBlank()) {
        return Optional.empty();
      }
      long seconds = answer.path("expires_in").asLong(0);
      Duration lifetime =
          seconds > 0 && seconds < DashboardSessions.DEFAULT_LIFETIME.toSeconds()
              ? Duration.ofSeconds(seconds)
              : DashboardSessions.DEFAULT_LIFETIME;
      return Optional.of(new TokenGrant(token, lifetime));
    } catch (IOException e) {
      log.warn("cannot reach the issuer's token endpoint: {}", e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
