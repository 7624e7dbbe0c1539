package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtValidationTest {

  @TempDir static Path home;
  static TestIssuer issuer;
  static TestIssuer otherIssuer;
  static TestService service;

  @BeforeAll
  static void start() {
    issuer = new TestIssuer();
    otherIssuer = new TestIssuer();
    service =
        TestService.start(
            home,
            Map.of(
                "oidc_issuer", issuer.issuer(),
                "oidc_audience", TestIssuer.AUDIENCE,
                "oidc_required_scope", TestIssuer.SCOPE,
                "oidc_client_id", TestIssuer.CLI_CLIENT));
  }

  @AfterAll
  static void stop() {
    service.close();
    issuer.close();
    otherIssuer.close();
  }

  private static Api.Answer whoami(String token) {
    return new Api(service.url(), token).get("/whoami");
  }

  @Test
  void aValidAccessTokenIsTheCallersIdentity() {
    Api.Answer me = whoami(issuer.accessToken("alice"));
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    assertThat(me.body().get("sub").asText()).isEqualTo(issuer.principal("alice"));
    assertThat(me.body().get("username").asText()).isEqualTo("alice@example.org");
    assertThat(me.body().get("identity_provider").asText()).isEqualTo(issuer.issuer());
  }

  @Test
  void theLocalTokenStillWorks() {
    assertThat(whoami(service.token()).status()).isEqualTo(200);
  }

  @Test
  void anExpiredTokenIsRefused() {
    Api.Answer answer =
        whoami(issuer.mint("alice", TestIssuer.AUDIENCE, TestIssuer.SCOPE, Duration.ofMinutes(-5)));
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("error").get("detail").asText()).contains("invalid or expired");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token =
        issuer.mint("alice", "some-other-service", TestIssuer.SCOPE, Duration.ofHours(1));
    assertThat(whoami(token).status()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheRequiredScopeIsRefused() {
    String token = issuer.mint("alice", TestIssuer.AUDIENCE, "openid profile", Duration.ofHours(1));
    assertThat(whoami(token).status()).isEqualTo(401);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    assertThat(whoami(otherIssuer.accessToken("alice")).status()).isEqualTo(401);
  }

  @Test
  void aTamperedTokenIsRefused() {
    String[] parts = issuer.accessToken("alice").split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged = payload.replace(issuer.subject("alice"), issuer.subject("mallory"));
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
            + "."
            + parts[2];
    assertThat(whoami(tampered).status()).isEqualTo(401);
    assertThat(whoami(issuer.signedByStranger("alice")).status()).isEqualTo(401);
    assertThat(whoami(parts[0] + "." + parts[1] + ".").status()).isEqualTo(401);
  }

  @Test
  void tokensSignedWithARotatedKeyAreAccepted() {
    assertThat(whoami(issuer.accessToken("carol")).status()).isEqualTo(200);
    issuer.rotateKey();
    String fresh = issuer.accessToken("carol");
    // Unknown key ids refetch the JWKS at most once per couple of seconds.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(whoami(fresh).status()).isEqualTo(200));
  }

  @Test
  void discoveryAdvertisesHowToLogIn() {
    Api.Answer doc = new Api(service.url(), null).get("/.well-known/globus-timer");
    assertThat(doc.body().get("login").get("issuer").asText()).isEqualTo(issuer.issuer());
    assertThat(doc.body().get("login").get("client_id").asText()).isEqualTo(TestIssuer.CLI_CLIENT);
    assertThat(doc.body().get("login").get("scopes").toString()).contains(TestIssuer.SCOPE);
  }
}
