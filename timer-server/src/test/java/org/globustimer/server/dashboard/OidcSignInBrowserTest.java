package org.globustimer.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.HeadlessBrowser;
import org.globustimer.server.testkit.OAuthServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Signing in at an OpenID Connect issuer (mock-oauth2-server): authorization code with PKCE, in a
 * real headless Chromium; the signed-in user sees their own timers and nobody else's.
 */
class OidcSignInBrowserTest {

  static final String AUDIENCE = "timer-service";
  static final String SCOPE = "timers:manage";
  static final String ALICE = UUID.randomUUID().toString();
  static final String BOB = UUID.randomUUID().toString();

  @TempDir static Path home;
  static OAuthServer issuer;
  static TestService service;
  static FakeActionProvider provider;

  @BeforeAll
  static void start() {
    issuer = new OAuthServer();
    provider = new FakeActionProvider();
    service =
        TestService.start(
            home,
            Map.of(
                "oidc_issuer",
                issuer.issuer(),
                "oidc_audience",
                AUDIENCE,
                "oidc_required_scope",
                SCOPE,
                "oidc_client_id",
                "globus-timer-dashboard",
                "local_token",
                "false"));
  }

  @AfterAll
  static void stop() {
    service.close();
    issuer.close();
    provider.close();
  }

  private static void create(String subject, String name) {
    Api api =
        new Api(service.url(), issuer.userToken(subject, AUDIENCE, SCOPE, Duration.ofHours(1)));
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \""
                + name
                + "\", \"start\": \""
                + Instant.now().plusSeconds(3600)
                + "\", \"interval\": 3600, \"callback_url\": \""
                + provider.runUrl()
                + "\", \"callback_body\": {\"body\": {}}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
  }

  @Test
  void aUserSignsInAtTheIssuerAndSeesOnlyTheirTimers() {
    create(ALICE, "alice's backup");
    create(BOB, "bob's backup");
    try (HeadlessBrowser browser = new HeadlessBrowser()) {
      browser.open(service.url() + "/dashboard/");
      // Only the issuer: this service accepts no local token.
      assertThat(browser.driver().findElements(By.id("token"))).isEmpty();
      issuer.nextTokens(ALICE, AUDIENCE, SCOPE, Duration.ofHours(1));
      browser.find(By.id("oidc-sign-in")).click();

      String table = browser.untilText(By.id("timer-table"), "alice's backup");
      assertThat(table).doesNotContain("bob's backup");
      assertThat(browser.find(By.id("who-name")).getText()).contains("Signed in as");
      assertThat(browser.driver().getCurrentUrl())
          .startsWith(service.url() + "/dashboard/")
          .doesNotContain("code=")
          .doesNotContain("token");
      browser.screenshot("dashboard-oidc-signed-in");

      browser.find(By.id("sign-out")).click();
      browser.find(By.id("oidc-sign-in"));
      assertThat(browser.driver().manage().getCookieNamed(DashboardSessions.COOKIE)).isNull();
    }
  }

  @Test
  void aCallbackThatThisBrowserDidNotStartSignsNobodyIn() {
    try (HeadlessBrowser browser = new HeadlessBrowser()) {
      browser.open(service.url() + "/dashboard/login/callback?code=stolen&state=guessed");
      assertThat(browser.untilText(By.id("notice"), "not started here")).contains("sign in again");
      assertThat(browser.driver().manage().getCookieNamed(DashboardSessions.COOKIE)).isNull();
    }
  }
}
