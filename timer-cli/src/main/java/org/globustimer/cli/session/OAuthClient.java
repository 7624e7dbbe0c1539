package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.globustimer.cli.CliException;
import org.globustimer.core.json.Json;

/** The OAuth 2.0 calls of a public client: discovery, code exchange, refresh and revocation. */
final class OAuthClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Where an issuer's endpoints are; {@code revocation} may be null. */
  record Issuer(String issuer, URI authorization, URI token, URI revocation) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Clock clock;

  OAuthClient(Clock clock) {
    this.clock = clock;
  }

  Issuer discover(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    JsonNode doc =
        call(
            HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")).GET(),
            "read the issuer's configuration");
    if (!doc.path("issuer").asText().equals(issuer)) {
      throw new CliException(
          "the issuer at "
              + issuer
              + " names itself '"
              + doc.path("issuer").asText()
              + "'; refusing to log in there");
    }
    String revocation = doc.path("revocation_endpoint").asText("");
    return new Issuer(
        issuer,
        URI.create(doc.path("authorization_endpoint").asText()),
        URI.create(doc.path("token_endpoint").asText()),
        revocation.isBlank() ? null : URI.create(revocation));
  }

  static URI authorizationUrl(
      Issuer issuer, String clientId, List<String> scopes, String redirect, Pkce pkce) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirect);
    query.put("scope", String.join(" ", scopes));
    query.put("state", pkce.state());
    query.put("code_challenge", pkce.challenge());
    query.put("code_challenge_method", "S256");
    query.put("access_type", "offline");
    String base = issuer.authorization().toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + form(query));
  }

  /** Trades an authorization code for tokens; answers our cache entry. */
  ObjectNode exchange(
      Issuer issuer, String clientId, String code, String redirect, String verifier) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("code", code);
    f.put("redirect_uri", redirect);
    f.put("client_id", clientId);
    f.put("code_verifier", verifier);
    return entry(post(issuer.token(), f, "exchange the code for tokens"), null);
  }

  /** New tokens for a refresh token; the refresh token is kept unless the issuer sends another. */
  ObjectNode refresh(URI tokenEndpoint, String clientId, String refreshToken) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "refresh_token");
    f.put("refresh_token", refreshToken);
    f.put("client_id", clientId);
    return entry(post(tokenEndpoint, f, "refresh the access token"), refreshToken);
  }

  /**
   * Revokes a token (RFC 7009). Answers false when the issuer does not revoke tokens of this type
   * ({@code unsupported_token_type}, which the RFC allows, typically for access tokens).
   */
  boolean revoke(URI revocation, String clientId, String token, String hint) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", token);
    f.put("token_type_hint", hint);
    f.put("client_id", clientId);
    try {
      post(revocation, f, "revoke a token");
      return true;
    } catch (IssuerRefusal refusal) {
      if ("unsupported_token_type".equals(refusal.error)) {
        return false;
      }
      throw refusal;
    }
  }

  private ObjectNode entry(JsonNode answer, String previousRefresh) {
    if (!answer.path("access_token").isTextual()) {
      throw new CliException("the issuer's token answer has no access_token");
    }
    ObjectNode entry = Json.mapper().createObjectNode();
    entry.put("access_token", answer.get("access_token").asText());
    String refresh = answer.path("refresh_token").asText(previousRefresh);
    if (refresh != null) {
      entry.put("refresh_token", refresh);
    }
    long lifetime = answer.path("expires_in").asLong(3600);
    entry.put("expires_at_seconds", clock.instant().getEpochSecond() + lifetime);
    entry.put("scope", answer.path("scope").asText(""));
    entry.put("token_type", answer.path("token_type").asText("Bearer"));
    return entry;
  }

  private JsonNode post(URI uri, Map<String, String> fields, String what) {
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
      body =
          response.body().isBlank()
              ? Json.mapper().createObjectNode()
              : Json.mapper().readTree(response.body());
    } catch (IOException e) {
      body = Json.mapper().createObjectNode();
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

  /** The issuer answered with an error; {@code error} is its OAuth error code, if any. */
  static final class IssuerRefusal extends CliException {
    final String error;

    IssuerRefusal(String message, String error) {
      super(message);
      this.error = error;
    }
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
