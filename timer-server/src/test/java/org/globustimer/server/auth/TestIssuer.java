package org.globustimer.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.globustimer.core.json.Json;

/**
 * A small OpenID Connect issuer over real HTTP on loopback, for tests: discovery, JWKS (with key
 * rotation), an authorization endpoint that approves at once as {@link #loginAs} and checks PKCE,
 * the token endpoint (authorization code, refresh token), introspection and revocation.
 */
public final class TestIssuer implements AutoCloseable {

  public static final String CLI_CLIENT = "globus-timer-cli";
  public static final String SERVICE_CLIENT = "timer-service";
  public static final String SERVICE_SECRET = "service-secret";
  public static final String AUDIENCE = "timer-service";
  public static final String SCOPE = "timers:manage";

  record Grant(String user, String clientId, String redirectUri, String challenge, String scope) {}

  private final HttpServer server;
  private final String issuer;
  private final List<RSAKey> published = new CopyOnWriteArrayList<>();
  private volatile RSAKey signingKey;
  final Map<String, String> subjects = new ConcurrentHashMap<>();
  final Map<String, Grant> codes = new ConcurrentHashMap<>();
  final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  final Map<String, String> opaqueTokens = new ConcurrentHashMap<>();
  final Set<String> revoked = ConcurrentHashMap.newKeySet();
  public volatile String loginAs = "alice";
  public volatile Duration accessLifetime = Duration.ofHours(1);
  public final AtomicInteger introspections = new AtomicInteger();
  public final AtomicInteger jwksFetches = new AtomicInteger();
  public final AtomicInteger refreshes = new AtomicInteger();
  public final AtomicInteger revocations = new AtomicInteger();

  public TestIssuer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
    rotateKey();
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/realm", exchange -> new IssuerRoutes(this).handle(exchange));
    server.start();
  }

  public String issuer() {
    return issuer;
  }

  public String subject(String user) {
    return subjects.computeIfAbsent(user, u -> UUID.randomUUID().toString());
  }

  public String principal(String user) {
    return Principals.PREFIX + subject(user);
  }

  /** A fresh signing key; the JWKS then publishes only it, as after a rotation. */
  public void rotateKey() {
    try {
      signingKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    published.clear();
    published.add(signingKey.toPublicJWK());
  }

  /** An access token for the service, as the authorization-code flow would give {@code user}. */
  public String accessToken(String user) {
    return mint(user, AUDIENCE, SCOPE, accessLifetime);
  }

  public String mint(String user, String audience, String scope, Duration lifetime) {
    return sign(signingKey, issuer, user, audience, scope, lifetime);
  }

  /** A well-formed token signed by a key this issuer never published. */
  public String signedByStranger(String user) {
    try {
      RSAKey stranger = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
      return sign(stranger, issuer, user, AUDIENCE, SCOPE, accessLifetime);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An opaque (non-JWT) token that only introspection can vouch for. */
  public String opaqueToken(String user) {
    String token = "opaque-" + UUID.randomUUID();
    opaqueTokens.put(token, user);
    return token;
  }

  public void revoke(String token) {
    revoked.add(token);
  }

  String sign(RSAKey key, String iss, String user, String aud, String scope, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(iss)
            .subject(subject(user))
            .audience(aud)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim("scope", scope)
            .claim("preferred_username", user + "@example.org")
            .claim("client_id", CLI_CLIENT)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt"))
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  ObjectNode discovery() {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("issuer", issuer);
    doc.put("authorization_endpoint", issuer + "/authorize");
    doc.put("token_endpoint", issuer + "/token");
    doc.put("jwks_uri", issuer + "/jwks");
    doc.put("introspection_endpoint", issuer + "/introspect");
    doc.put("revocation_endpoint", issuer + "/revoke");
    doc.putArray("code_challenge_methods_supported").add("S256");
    doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
    return doc;
  }

  JsonNode jwks() {
    jwksFetches.incrementAndGet();
    try {
      return Json.mapper().readTree(new JWKSet(List.copyOf(published)).toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  List<RSAKey> publishedKeys() {
    return List.copyOf(published);
  }

  static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
