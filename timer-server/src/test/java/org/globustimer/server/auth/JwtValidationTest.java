package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.OAuthServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT access tokens of a real OpenID Connect issuer (mock-oauth2-server), checked by the JWKS. */
class JwtValidationTest {

  static final String AUDIENCE = "timer-service";
  static final String SCOPE = "timers:manage";
  static final String CLI_CLIENT = "globus-timer-cli";
  static final String ALICE = UUID.randomUUID().toString();

  @TempDir static Path home;
  static OAuthServer issuer;
  static OAuthServer otherIssuer;
  static TestService service;

  @BeforeAll
  static void start() {
    issuer = new OAuthServer();
    otherIssuer = new OAuthServer();
    service = serviceOf(issuer, home);
  }

  @AfterAll
  static void stop() {
    service.close();
    issuer.close();
    otherIssuer.close();
  }

  private static TestService serviceOf(OAuthServer oauth, Path home) {
    return TestService.start(
        home,
        Map.of(
            "oidc_issuer", oauth.issuer(),
            "oidc_audience", AUDIENCE,
            "oidc_required_scope", SCOPE,
            "oidc_client_id", CLI_CLIENT));
  }

  private static String accessToken(OAuthServer oauth, String subject) {
    return oauth.userToken(subject, AUDIENCE, SCOPE, Duration.ofHours(1));
  }

  private static Api.Answer whoami(String token) {
    return whoami(service, token);
  }

  private static Api.Answer whoami(TestService at, String token) {
    return new Api(at.url(), token).get("/whoami");
  }

  @Test
  void aValidAccessTokenIsTheCallersIdentity() {
    Map<String, Object> username = Map.of("preferred_username", "alice@example.org");
    Api.Answer me = whoami(issuer.userToken(ALICE, AUDIENCE, SCOPE, username, Duration.ofHours(1)));
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    assertThat(me.body().get("sub").asText()).isEqualTo(Principals.PREFIX + ALICE);
    assertThat(me.body().get("username").asText()).isEqualTo("alice@example.org");
    assertThat(me.body().get("identity_provider").asText()).isEqualTo(issuer.issuer());
  }

  @Test
  void theLocalTokenStillWorks() {
    assertThat(whoami(service.token()).status()).isEqualTo(200);
  }

  @Test
  void anExpiredTokenIsRefused() {
    Api.Answer answer = whoami(issuer.userToken(ALICE, AUDIENCE, SCOPE, Duration.ofMinutes(-5)));
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("error").get("detail").asText()).contains("invalid or expired");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token = issuer.userToken(ALICE, "some-other-service", SCOPE, Duration.ofHours(1));
    assertThat(whoami(token).status()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheRequiredScopeIsRefused() {
    String token = issuer.userToken(ALICE, AUDIENCE, "openid profile", Duration.ofHours(1));
    assertThat(whoami(token).status()).isEqualTo(401);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    // Both servers sign with the mock's bundled key under the same key id, so only iss differs.
    assertThat(whoami(accessToken(otherIssuer, ALICE)).status()).isEqualTo(401);
  }

  @Test
  void aTamperedTokenIsRefused() throws Exception {
    String genuine = accessToken(issuer, ALICE);
    String[] parts = genuine.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace(ALICE, UUID.randomUUID().toString());
    assertThat(forged).isNotEqualTo(payload);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(whoami(tampered).status()).isEqualTo(401);

    SignedJWT jwt = SignedJWT.parse(genuine);
    SignedJWT stranger = new SignedJWT(jwt.getHeader(), jwt.getJWTClaimsSet());
    stranger.sign(
        new RSASSASigner(new RSAKeyGenerator(2048).keyID(jwt.getHeader().getKeyID()).generate()));
    assertThat(whoami(stranger.serialize()).status()).isEqualTo(401);

    assertThat(whoami(parts[0] + "." + parts[1] + ".").status()).isEqualTo(401);
    assertThat(whoami(genuine).status()).isEqualTo(200);
  }

  @Test
  void tokensSignedWithARotatedKeyAreAccepted(@TempDir Path ownHome) {
    // An issuer and service of its own, so the restart cannot disturb the other tests.
    try (OAuthServer rotating = new OAuthServer();
        TestService rotated = serviceOf(rotating, ownHome)) {
      String old = accessToken(rotating, "carol");
      assertThat(whoami(rotated, old).status()).isEqualTo(200);
      int fetched = rotating.requests();
      for (int i = 0; i < 5; i++) {
        assertThat(whoami(rotated, accessToken(rotating, "carol")).status()).isEqualTo(200);
      }
      assertThat(rotating.requests()).as("discovery and JWKS are cached").isEqualTo(fetched);

      rotating.rotateKey();
      String fresh = accessToken(rotating, "carol");
      // Unknown key ids refetch the JWKS at most once per couple of seconds.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(whoami(rotated, fresh).status()).isEqualTo(200));
      assertThat(whoami(rotated, old).status()).isEqualTo(401);
    }
  }

  @Test
  void discoveryAdvertisesHowToLogIn() {
    Api.Answer doc = new Api(service.url(), null).get("/.well-known/globus-timer");
    assertThat(doc.body().get("login").get("issuer").asText()).isEqualTo(issuer.issuer());
    assertThat(doc.body().get("login").get("client_id").asText()).isEqualTo(CLI_CLIENT);
    assertThat(doc.body().get("login").get("scopes").toString()).contains(SCOPE);
  }
}
