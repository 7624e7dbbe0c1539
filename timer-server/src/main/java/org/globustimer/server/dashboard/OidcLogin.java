package org.globustimer.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.globustimer.core.json.Json;
import org.globustimer.server.auth.AuthSettings.LoginAdvert;
import org.globustimer.server.auth.Authenticator;
import org.globustimer.server.auth.IssuerMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in to the dashboard at the OpenID Connect issuer: the authorization code flow with PKCE
 * (S256). The state and code verifier wait in a short-lived sealed cookie scoped to the login
 * paths; the code is exchanged here, server-side, and the access token never reaches a URL.
 */
final class OidcLogin {

  static final String START_PATH = "/dashboard/login";
  static final String CALLBACK_PATH = "/dashboard/login/callback";
  private static final String COOKIE = "globus_timer_login";
  private static final Duration PENDING = Duration.ofMinutes(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

  private final LoginAdvert login;
  private final Authenticator authenticator;
  private final DashboardSessions sessions;
  private final Function<Context, String> baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile IssuerMetadata metadata;

  OidcLogin(
      LoginAdvert login,
      Authenticator authenticator,
      DashboardSessions sessions,
      Function<Context, String> baseUrl) {
    this.login = login;
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.baseUrl = baseUrl;
  }

  String issuer() {
    return login.issuer();
  }

  void start(Context ctx) {
    IssuerMetadata issuer = metadata();
    if (issuer == null || issuer.authorizationEndpoint() == null) {
      failed(ctx, "the sign-in service cannot be reached; try again shortly");
      return;
    }
    String state = sessions.randomToken();
    String verifier = sessions.randomToken();
    ObjectNode pending = Json.mapper().createObjectNode();
    pending.put("state", state);
    pending.put("verifier", verifier);
    pending.put("expires", sessions.clock().instant().plus(PENDING).getEpochSecond());
    Cookies.set(
        ctx,
        COOKIE,
        sessions.sealer().seal(pending.toString()),
        START_PATH,
        PENDING,
        // Lax: the issuer's redirect back to us is a cross-site navigation that must carry it.
        "Lax",
        sessions.httpsPublicUrl());
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", login.clientId());
    query.put("redirect_uri", redirectUri(ctx));
    query.put("scope", String.join(" ", login.scopes()));
    query.put("state", state);
    query.put("code_challenge", challenge(verifier));
    query.put("code_challenge_method", "S256");
    String separator = issuer.authorizationEndpoint().getRawQuery() == null ? "?" : "&";
    ctx.redirect(issuer.authorizationEndpoint() + separator + form(query), HttpStatus.SEE_OTHER);
  }

  void callback(Context ctx) {
    Optional<JsonNode> pending = pending(ctx);
    Cookies.clear(ctx, COOKIE, START_PATH, "Lax", sessions.httpsPublicUrl());
    String error = ctx.queryParam("error");
    if (error != null) {
      String description = ctx.queryParam("error_description");
      failed(ctx, "the sign-in service refused: " + (description == null ? error : description));
      return;
    }
    String state = ctx.queryParam("state");
    String code = ctx.queryParam("code");
    if (pending.isEmpty()
        || state == null
        || code == null
        || !MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8),
            pending.get().path("state").asText().getBytes(StandardCharsets.UTF_8))) {
      failed(ctx, "this sign-in was not started here or took too long; sign in again");
      return;
    }
    Optional<TokenGrant> grant = exchange(ctx, code, pending.get().path("verifier").asText());
    if (grant.isEmpty()) {
      failed(ctx, "the sign-in service did not give an access token; sign in again");
      return;
    }
    if (authenticator.authenticate(grant.get().accessToken()).isEmpty()) {
      failed(ctx, "the access token from the sign-in service is not accepted by this service");
      return;
    }
    sessions.start(ctx, grant.get().accessToken(), grant.get().lifetime());
    ctx.redirect("/dashboard/", HttpStatus.SEE_OTHER);
  }

  private record TokenGrant(String accessToken, Duration lifetime) {}

  private Optional<TokenGrant> exchange(Context ctx, String code, String verifier) {
    IssuerMetadata issuer = metadata();
    if (issuer == null || issuer.tokenEndpoint() == null) {
      return Optional.empty();
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri(ctx));
    body.put("client_id", login.clientId());
    body.put("code_verifier", verifier);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(issuer.tokenEndpoint())
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(form(body)))
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

  private Optional<JsonNode> pending(Context ctx) {
    String sealed = ctx.cookie(COOKIE);
    if (sealed == null || sealed.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode pending = Json.mapper().readTree(sessions.sealer().open(sealed));
      Instant expires = Instant.ofEpochSecond(pending.path("expires").asLong());
      return sessions.clock().instant().isBefore(expires) ? Optional.of(pending) : Optional.empty();
    } catch (RuntimeException | IOException e) {
      return Optional.empty();
    }
  }

  private IssuerMetadata metadata() {
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

  private String redirectUri(Context ctx) {
    return baseUrl.apply(ctx) + CALLBACK_PATH;
  }

  /** Back to the sign-in page with a message; the message is words for people, never a secret. */
  private static void failed(Context ctx, String message) {
    ctx.redirect(
        "/dashboard/#/signin?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
