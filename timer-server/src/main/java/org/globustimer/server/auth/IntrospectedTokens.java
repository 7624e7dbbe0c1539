package org.globustimer.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.globustimer.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates opaque tokens by OAuth 2.0 token introspection (RFC 7662), the way Globus Auth checks
 * its tokens: active, not expired, the required scope, one of the configured audiences, and the
 * configured issuer when the answer names one. Answers are cached briefly by the token's hash; a
 * failed call to the introspection endpoint is not cached.
 */
final class IntrospectedTokens implements Authenticator {

  private static final Logger log = LoggerFactory.getLogger(IntrospectedTokens.class);

  private final AuthSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private final IntrospectionCache cache;

  IntrospectedTokens(AuthSettings settings, HttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.cache = new IntrospectionCache(10_000);
  }

  @Override
  public Optional<Identity> authenticate(String token) {
    String key = LocalTokens.hash(token);
    Instant now = clock.instant();
    Optional<Optional<Identity>> cached = cache.get(key, now);
    if (cached.isPresent()) {
      return cached.get();
    }
    JsonNode answer;
    try {
      answer = introspect(token);
    } catch (IOException e) {
      log.warn("token introspection failed: {}", e.getMessage());
      return Optional.empty();
    }
    Optional<Identity> identity = judge(answer, now);
    Duration ttl = settings.introspectionCacheTtl();
    if (identity.isPresent() && answer.hasNonNull("exp")) {
      Duration left = Duration.between(now, Instant.ofEpochSecond(answer.get("exp").asLong()));
      ttl = left.compareTo(ttl) < 0 ? left : ttl;
    }
    cache.put(key, identity, now.plus(ttl));
    return identity;
  }

  private Optional<Identity> judge(JsonNode answer, Instant now) {
    if (!answer.path("active").asBoolean(false) || answer.path("sub").asText("").isBlank()) {
      return Optional.empty();
    }
    if (answer.hasNonNull("exp")
        && !Instant.ofEpochSecond(answer.get("exp").asLong()).isAfter(now)) {
      return Optional.empty();
    }
    String issuer = answer.path("iss").asText("");
    if (!settings.oidcIssuer().isBlank()
        && !issuer.isBlank()
        && !issuer.equals(settings.oidcIssuer())) {
      return Optional.empty();
    }
    String required = settings.oidcRequiredScope();
    if (!required.isBlank()
        && !Scopes.granted(answer.path("scope").asText("")).contains(required)) {
      return Optional.empty();
    }
    if (!settings.oidcAudience().isEmpty()) {
      Set<String> audiences = new HashSet<>();
      answer.path("aud").forEach(a -> audiences.add(a.asText()));
      if (answer.path("aud").isTextual()) {
        audiences.add(answer.get("aud").asText());
      }
      if (settings.oidcAudience().stream().noneMatch(audiences::contains)) {
        return Optional.empty();
      }
    }
    String principal = Principals.of(answer.get("sub").asText());
    String username = answer.path("username").asText(principal);
    return Optional.of(
        new Identity(principal, username, issuer.isBlank() ? "introspection" : issuer));
  }

  private JsonNode introspect(String token) throws IOException {
    String form =
        "token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&token_type_hint=access_token";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.introspectionUrl()))
            .timeout(IssuerMetadata.TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header(
                "Authorization",
                ClientAuth.basic(
                    settings.introspectionClientId(), settings.introspectionClientSecret()))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "the introspection endpoint answered " + response.statusCode() + " (check its client)");
    }
    return Json.mapper().readTree(response.body());
  }
}
