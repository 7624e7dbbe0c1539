package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.OAuthServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens checked only by RFC 7662 introspection at a real issuer (mock-oauth2-server). Its tokens
 * are JWTs, but with no issuer (so no JWKS) configured the service cannot read them and must ask.
 */
class IntrospectionTest {

  static final String AUDIENCE = "timer-service";
  static final String SCOPE = "timers:manage";

  @TempDir static Path home;
  static OAuthServer issuer;
  static TestService service;

  @BeforeAll
  static void start() {
    issuer = new OAuthServer();
    service =
        TestService.start(
            home,
            Map.of(
                "introspection_url",
                issuer.issuer() + "/introspect",
                "introspection_client_id",
                "timer-service",
                "introspection_client_secret",
                "service-secret",
                "introspection_cache_seconds",
                "1",
                "oidc_audience",
                AUDIENCE,
                "oidc_required_scope",
                SCOPE));
  }

  @AfterAll
  static void stop() {
    service.close();
    issuer.close();
  }

  private static String token(String subject, Duration lifetime) {
    return issuer.userToken(subject, AUDIENCE, SCOPE, lifetime);
  }

  private static Api.Answer whoami(String token) {
    return new Api(service.url(), token).get("/whoami");
  }

  @Test
  void anActiveTokenIsTheCallersIdentity() {
    String dora = UUID.randomUUID().toString();
    Map<String, Object> username = Map.of("username", "dora@example.org");
    Api.Answer me = whoami(issuer.userToken(dora, AUDIENCE, SCOPE, username, Duration.ofHours(1)));
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    assertThat(me.body().get("sub").asText()).isEqualTo(Principals.PREFIX + dora);
    assertThat(me.body().get("username").asText()).isEqualTo("dora@example.org");
  }

  @Test
  void answersAreCachedBriefly() {
    String token = token("erin", Duration.ofHours(1));
    int before = issuer.requests();
    for (int i = 0; i < 5; i++) {
      assertThat(whoami(token).status()).isEqualTo(200);
    }
    assertThat(issuer.requests() - before).isBetween(1, 4);
  }

  @Test
  void anInactiveTokenIsRefused() {
    assertThat(whoami("opaque-never-issued").status()).isEqualTo(401);
  }

  @Test
  void aTokenTheIssuerNoLongerVouchesForIsRefusedOnceTheCacheLapses() {
    String token = token("fred", Duration.ofHours(1));
    assertThat(whoami(token).status()).isEqualTo(200);
    // The mock revokes only refresh tokens; after a key change it answers inactive instead.
    issuer.rotateKey();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(whoami(token).status()).isEqualTo(401));
    // A failed call also gives 401; once the issuer answers again, the token must stay refused.
    assertThat(whoami(token("fred", Duration.ofHours(1))).status()).isEqualTo(200);
    assertThat(whoami(token).status()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefused() {
    assertThat(whoami(token("gina", Duration.ofHours(1))).status()).isEqualTo(200);
    // Within a minute of expiry the mock still answers active; the service checks exp itself.
    assertThat(whoami(token("gina", Duration.ofSeconds(-10))).status()).isEqualTo(401);
    assertThat(whoami(token("gina", Duration.ofMinutes(-5))).status()).isEqualTo(401);
  }
}
