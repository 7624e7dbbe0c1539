package org.globustimer.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.globustimer.core.json.Json;

/**
 * The real OAuth2/OIDC test server (no.nav.security:mock-oauth2-server) on 127.0.0.1 and a free
 * port, serving one issuer.
 */
public final class OAuthServer implements AutoCloseable {

  // An Error inside the server (seen with too old a Kotlin on the classpath) leaves the request
  // unanswered; fail instead of hanging.
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String issuerId;
  private final InetAddress address;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile MockOAuth2Server server = new MockOAuth2Server();

  public OAuthServer() {
    this("research");
  }

  public OAuthServer(String issuerId) {
    this.issuerId = issuerId;
    try {
      // The server names itself by InetAddress.getHostName(); an address built with that name
      // keeps it "127.0.0.1" instead of a reverse lookup's "localhost".
      address = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    // MockWebServer sets SO_REUSEADDR only for an explicit port; on port 0 the closed connections
    // would keep the port from a restart for a minute.
    try (ServerSocket probe = new ServerSocket(0, 1, address)) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.start(address, port);
  }

  /**
   * Restarts the server on the same port, so the same issuer URL, signing with a newly generated
   * key under a new key id, as an issuer does when it rotates its key. Tokens signed before then
   * verify neither against the new JWKS nor at introspection.
   */
  public void rotateKey() {
    server.shutdown();
    server =
        new MockOAuth2Server(
            new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(new FreshKey())));
    server.start(address, port);
  }

  /** The underlying server, for what this wrapper does not offer (e.g. enqueueCallback). */
  public MockOAuth2Server server() {
    return server;
  }

  public String issuer() {
    return server.issuerUrl(issuerId).toString();
  }

  public String tokenEndpoint() {
    return server.tokenEndpointUrl(issuerId).toString();
  }

  public String jwksUrl() {
    return server.jwksUrl(issuerId).toString();
  }

  public String authorizationEndpoint() {
    return server.authorizationEndpointUrl(issuerId).toString();
  }

  /** How many HTTP requests the server has received since it last (re)started. */
  public int requests() {
    return ((MockWebServerWrapper) server.getConfig().getHttpServer())
        .getMockWebServer()
        .getRequestCount();
  }

  /**
   * An access token as the issuer would give a logged-in user, with azp "user-client". A negative
   * lifetime gives a token that has already expired.
   */
  public String userToken(String subject, String audience, String scope, Duration lifetime) {
    return userToken(subject, audience, scope, Map.of(), lifetime);
  }

  /** As {@link #userToken(String, String, String, Duration)}, with more claims, e.g. a username. */
  public String userToken(
      String subject,
      String audience,
      String scope,
      Map<String, Object> claims,
      Duration lifetime) {
    return server
        .issueToken(issuerId, "user-client", tokens(subject, audience, scope, claims, lifetime))
        .serialize();
  }

  /**
   * Audience, scope and lifetime for the next token request to this issuer, whatever its grant. The
   * subject applies only where the grant brings none: a login's username, an exchanged token's
   * subject and a client_credentials client id win. A refresh reuses what its authorization-code
   * grant was given.
   */
  public void nextTokens(String subject, String audience, String scope, Duration lifetime) {
    server.enqueueCallback(tokens(subject, audience, scope, Map.of(), lifetime));
  }

  /**
   * Runs the authorization request with PKCE (S256) as a browser would after {@code loginAs} logged
   * in, and returns the code from the redirect. Without a login the subject is the server's
   * default.
   */
  public String authorize(
      String clientId,
      String redirectUri,
      String scope,
      String codeChallenge,
      String state,
      String loginAs) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("scope", scope);
    query.put("code_challenge", codeChallenge);
    query.put("code_challenge_method", "S256");
    query.put("state", state);
    URI uri = URI.create(authorizationEndpoint() + "?" + form(query));
    // The login form posts to the authorization URL; a GET approves at once as the default user.
    HttpRequest request =
        loginAs == null
            ? HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build()
            : HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", loginAs))))
                .build();
    HttpResponse<String> response = send(request);
    String location = response.headers().firstValue("Location").orElse(null);
    if (response.statusCode() != 302 || location == null) {
      throw new IllegalStateException(
          "authorization answered " + response.statusCode() + ": " + response.body());
    }
    Map<String, String> params = queryOf(URI.create(location));
    if (!state.equals(params.get("state"))) {
      throw new IllegalStateException("state not echoed: " + location);
    }
    String code = params.get("code");
    if (code == null) {
      throw new IllegalStateException("no code in redirect: " + location);
    }
    return code;
  }

  /**
   * A user's whole login as the CLI performs it: authorization with PKCE, then the code exchanged
   * for tokens at the token endpoint. Answers the token response.
   */
  public JsonNode login(String user, String clientId, String scope) {
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge;
    try {
      challenge =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String redirect = "http://127.0.0.1/callback";
    String state = UUID.randomUUID().toString();
    String code = authorize(clientId, redirect, scope, challenge, state, user);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", redirect,
                                "client_id", clientId,
                                "code_verifier", verifier))))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Revokes a refresh token at the issuer (RFC 7009); later refresh grants with it fail. */
  public void revokeRefreshToken(String refreshToken) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(issuer() + "/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("token", refreshToken, "token_type_hint", "refresh_token"))))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "revocation answered " + response.statusCode() + ": " + response.body());
    }
  }

  @Override
  public void close() {
    server.shutdown();
  }

  private DefaultOAuth2TokenCallback tokens(
      String subject,
      String audience,
      String scope,
      Map<String, Object> claims,
      Duration lifetime) {
    Map<String, Object> all = new HashMap<>(claims);
    all.put("scope", scope);
    return new DefaultOAuth2TokenCallback(
        issuerId, subject, "JWT", List.of(audience), all, lifetime.toSeconds());
  }

  /**
   * One newly generated key. The mock names every key by its issuer id alone, but a verifier
   * refetches the JWKS only for a key id it has not seen, so a rotated key needs an id of its own.
   */
  private static final class FreshKey extends KeyProvider {

    private final String suffix = "-" + UUID.randomUUID();

    FreshKey() {
      super(List.of());
    }

    @Override
    public JWK signingKey(String issuerId) {
      return super.signingKey(issuerId + suffix);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> queryOf(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    String query = uri.getRawQuery();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }
}
