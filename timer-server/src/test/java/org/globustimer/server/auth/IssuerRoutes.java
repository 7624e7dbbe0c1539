package org.globustimer.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.globustimer.core.json.Json;

/** The HTTP endpoints of {@link TestIssuer}, one exchange at a time. */
final class IssuerRoutes {

  private final TestIssuer issuer;

  IssuerRoutes(TestIssuer issuer) {
    this.issuer = issuer;
  }

  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring("/realm".length());
      String method = exchange.getRequestMethod();
      switch (method + " " + path) {
        case "GET /.well-known/openid-configuration" -> json(exchange, 200, issuer.discovery());
        case "GET /jwks" -> json(exchange, 200, (ObjectNode) issuer.jwks());
        case "GET /authorize" -> authorize(exchange, form(exchange.getRequestURI().getRawQuery()));
        case "POST /token" -> token(exchange, body(exchange));
        case "POST /introspect" -> introspect(exchange, body(exchange));
        case "POST /revoke" -> revoke(exchange, body(exchange));
        default -> json(exchange, 404, error("not_found", method + " " + path));
      }
    }
  }

  private void authorize(HttpExchange exchange, Map<String, String> q) throws IOException {
    String redirect = q.getOrDefault("redirect_uri", "");
    if (!"code".equals(q.get("response_type"))
        || !TestIssuer.CLI_CLIENT.equals(q.get("client_id"))
        || !"S256".equals(q.get("code_challenge_method"))
        || q.getOrDefault("code_challenge", "").isBlank()
        || !(redirect.startsWith("http://127.0.0.1") || redirect.startsWith("http://localhost"))) {
      TestIssuer.reply(exchange, 400, "text/plain", "bad authorization request " + q);
      return;
    }
    String code = UUID.randomUUID().toString();
    issuer.codes.put(
        code,
        new TestIssuer.Grant(
            issuer.loginAs,
            q.get("client_id"),
            redirect,
            q.get("code_challenge"),
            q.getOrDefault("scope", "")));
    String state = q.get("state") == null ? "" : "&state=" + q.get("state");
    exchange
        .getResponseHeaders()
        .add("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + state);
    exchange.sendResponseHeaders(302, -1);
  }

  private void token(HttpExchange exchange, Map<String, String> f) throws IOException {
    String user;
    switch (f.getOrDefault("grant_type", "")) {
      case "authorization_code" -> {
        TestIssuer.Grant grant = issuer.codes.remove(f.getOrDefault("code", ""));
        if (grant == null
            || !grant.clientId().equals(f.get("client_id"))
            || !grant.redirectUri().equals(f.get("redirect_uri"))
            || !grant.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
          json(exchange, 400, error("invalid_grant", "code, client, redirect or verifier wrong"));
          return;
        }
        user = grant.user();
      }
      case "refresh_token" -> {
        String refresh = f.getOrDefault("refresh_token", "");
        user = issuer.revoked.contains(refresh) ? null : issuer.refreshTokens.get(refresh);
        if (user == null) {
          json(exchange, 400, error("invalid_grant", "unknown or revoked refresh token"));
          return;
        }
        issuer.refreshes.incrementAndGet();
      }
      default -> {
        json(exchange, 400, error("unsupported_grant_type", f.get("grant_type")));
        return;
      }
    }
    String refresh = "refresh-" + UUID.randomUUID();
    issuer.refreshTokens.put(refresh, user);
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("access_token", issuer.accessToken(user));
    answer.put("token_type", "Bearer");
    answer.put("expires_in", issuer.accessLifetime.toSeconds());
    answer.put("refresh_token", refresh);
    answer.put("scope", TestIssuer.SCOPE);
    json(exchange, 200, answer);
  }

  private void introspect(HttpExchange exchange, Map<String, String> f) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (TestIssuer.SERVICE_CLIENT + ":" + TestIssuer.SERVICE_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      json(exchange, 401, error("invalid_client", "bad client credentials"));
      return;
    }
    issuer.introspections.incrementAndGet();
    String token = f.getOrDefault("token", "");
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("active", false);
    String opaqueUser = issuer.opaqueTokens.get(token);
    if (issuer.revoked.contains(token)) {
      json(exchange, 200, answer);
    } else if (opaqueUser != null) {
      active(answer, opaqueUser, java.time.Instant.now().plusSeconds(3600).getEpochSecond());
      json(exchange, 200, answer);
    } else {
      activeJwt(answer, token);
      json(exchange, 200, answer);
    }
  }

  private void activeJwt(ObjectNode answer, String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      for (RSAKey key : issuer.publishedKeys()) {
        if (jwt.verify(new RSASSAVerifier(key))
            && jwt.getJWTClaimsSet()
                .getExpirationTime()
                .toInstant()
                .isAfter(java.time.Instant.now())) {
          String user = jwt.getJWTClaimsSet().getStringClaim("preferred_username").split("@")[0];
          active(
              answer, user, jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond());
        }
      }
    } catch (ParseException | JOSEException e) {
      // not one of ours: inactive
    }
  }

  private void active(ObjectNode answer, String user, long exp) {
    answer.put("active", true);
    answer.put("sub", issuer.subject(user));
    answer.put("username", user + "@example.org");
    answer.put("scope", TestIssuer.SCOPE);
    answer.putArray("aud").add(TestIssuer.AUDIENCE);
    answer.put("iss", issuer.issuer());
    answer.put("exp", exp);
    answer.put("client_id", TestIssuer.CLI_CLIENT);
  }

  private void revoke(HttpExchange exchange, Map<String, String> f) throws IOException {
    issuer.revocations.incrementAndGet();
    issuer.revoke(f.getOrDefault("token", ""));
    TestIssuer.reply(exchange, 200, "application/json", "");
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> body(HttpExchange exchange) throws IOException {
    return form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  static Map<String, String> form(String text) {
    Map<String, String> values = new HashMap<>();
    if (text == null || text.isBlank()) {
      return values;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static ObjectNode error(String code, String description) {
    ObjectNode error = Json.mapper().createObjectNode();
    error.put("error", code);
    error.put("error_description", description);
    return error;
  }

  private static void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    TestIssuer.reply(exchange, status, "application/json", body.toString());
  }
}
