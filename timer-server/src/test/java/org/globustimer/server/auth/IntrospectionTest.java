package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrospectionTest {

  @TempDir static Path home;
  static TestIssuer issuer;
  static TestService service;

  @BeforeAll
  static void start() {
    issuer = new TestIssuer();
    service =
        TestService.start(
            home,
            Map.of(
                "introspection_url", issuer.issuer() + "/introspect",
                "introspection_client_id", TestIssuer.SERVICE_CLIENT,
                "introspection_client_secret", TestIssuer.SERVICE_SECRET,
                "introspection_cache_seconds", "1",
                "oidc_audience", TestIssuer.AUDIENCE,
                "oidc_required_scope", TestIssuer.SCOPE));
  }

  @AfterAll
  static void stop() {
    service.close();
    issuer.close();
  }

  private static Api.Answer whoami(String token) {
    return new Api(service.url(), token).get("/whoami");
  }

  @Test
  void anActiveOpaqueTokenIsTheCallersIdentity() {
    Api.Answer me = whoami(issuer.opaqueToken("dora"));
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    assertThat(me.body().get("sub").asText()).isEqualTo(issuer.principal("dora"));
    assertThat(me.body().get("username").asText()).isEqualTo("dora@example.org");
  }

  @Test
  void answersAreCachedBriefly() {
    String token = issuer.opaqueToken("erin");
    int before = issuer.introspections.get();
    for (int i = 0; i < 5; i++) {
      assertThat(whoami(token).status()).isEqualTo(200);
    }
    assertThat(issuer.introspections.get() - before).isBetween(1, 4);
  }

  @Test
  void anInactiveTokenIsRefused() {
    assertThat(whoami("opaque-never-issued").status()).isEqualTo(401);
  }

  @Test
  void aRevokedTokenIsRefusedOnceTheCacheLapses() {
    String token = issuer.opaqueToken("fred");
    assertThat(whoami(token).status()).isEqualTo(200);
    issuer.revoke(token);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(whoami(token).status()).isEqualTo(401));
  }

  @Test
  void aJwtWithoutJwksIsCheckedByIntrospectionToo() {
    assertThat(whoami(issuer.accessToken("gina")).status()).isEqualTo(200);
    String expired =
        issuer.mint("gina", TestIssuer.AUDIENCE, TestIssuer.SCOPE, Duration.ofSeconds(-10));
    assertThat(whoami(expired).status()).isEqualTo(401);
  }
}
