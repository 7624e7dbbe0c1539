package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.cli.CliException;
import org.globustimer.cli.json.JsonText;

/** The OAuth 2.0 calls of a public client: discovery, code exchange, refresh and revocation. */
final class OAuthClient {

  private final IssuerHttp http = new IssuerHttp();
  private final Clock clock;

  OAuthClient(Clock clock) {
    this.clock = clock;
  }

  Issuer discover(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    JsonNode doc =
        http.get(
            URI.create(base + "/.well-known/openid-configuration"),
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
    return URI.create(base + (base.contains("?") ? "&" : "?") + IssuerHttp.form(query));
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
    return entry(http.post(issuer.token(), f, "exchange the code for tokens"), null);
  }

  /** New tokens for a refresh token; the refresh token is kept unless the issuer sends another. */
  ObjectNode refresh(URI tokenEndpoint, String clientId, String refreshToken) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "refresh_token");
    f.put("refresh_token", refreshToken);
    f.put("client_id", clientId);
    return entry(http.post(tokenEndpoint, f, "refresh the access token"), refreshToken);
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
      http.post(revocation, f, "revoke a token");
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
    ObjectNode entry = JsonText.object();
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
}
