package org.globustimer.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.globustimer.cli.CliRun;
import org.globustimer.core.json.Json;
import org.globustimer.server.auth.TestIssuer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session login | whoami | revoke} against a real service and a real issuer over HTTP. */
class SessionLoginTest {

  @TempDir static Path scratch;
  @TempDir Path userHome;
  static TestIssuer issuer;
  static TestService service;

  @BeforeAll
  static void start() {
    issuer = new TestIssuer();
    service =
        TestService.start(
            scratch.resolve("service"),
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
  }

  @BeforeEach
  void reset() {
    issuer.loginAs = "bob";
    issuer.accessLifetime = Duration.ofHours(1);
  }

  private Map<String, String> variables() {
    return Map.of("TIMER_SERVICE_URL", service.url(), "BROWSER", "true");
  }

  private CliRun cli() {
    return new CliRun(userHome)
        .env("TIMER_SERVICE_URL", service.url())
        .env("GLOBUS_TIMER_TOKEN", null);
  }

  private Path cache() {
    return userHome.resolve(".config/globus/tokens.json");
  }

  private CliRun.Result loginThroughLoopback() throws Exception {
    LoginDriver driver =
        new LoginDriver(userHome, variables(), LoginDriver.login().toArray(String[]::new));
    URI link = driver.link();
    assertThat(link.getQuery()).contains("code_challenge_method=S256").contains("client_id=");
    String location = driver.authorize(link);
    assertThat(location).startsWith("http://127.0.0.1:");
    assertThat(driver.followRedirect(location)).isEqualTo(200);
    return driver.finish();
  }

  @Test
  void logsInWithPkceThroughALoopbackRedirect() throws Exception {
    CliRun.Result login = loginThroughLoopback();
    assertThat(login.code()).as(login.toString()).isZero();
    assertThat(login.out()).contains("The service knows you as bob@example.org.");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache())))
        .isEqualTo("rw-------");

    CliRun.Result whoami = cli().run("session", "whoami", "--format", "json");
    assertThat(whoami.code()).as(whoami.toString()).isZero();
    JsonNode me = Json.mapper().readTree(whoami.out());
    assertThat(me.get("sub").asText()).isEqualTo(issuer.principal("bob"));
    assertThat(cli().run("session", "whoami").out().strip()).isEqualTo("bob@example.org");
    assertThat(cli().run("session", "whoami", "--format", "full").out())
        .contains("Token From")
        .contains("tokens.json");
    assertThat(cli().run("job", "list").code()).isZero();
  }

  @Test
  void logsInByPastingTheAddressWithoutABrowser() throws Exception {
    issuer.loginAs = "dana";
    LoginDriver driver =
        new LoginDriver(
            userHome, variables(), LoginDriver.login("--no-browser").toArray(String[]::new));
    String location = driver.authorize(driver.link());
    assertThat(location).startsWith("http://127.0.0.1/callback?code=");
    driver.type(location);
    CliRun.Result login = driver.finish();
    assertThat(login.code()).as(login.toString()).isZero();
    assertThat(cli().run("session", "whoami").out().strip()).isEqualTo("dana@example.org");
  }

  @Test
  void aCodeForAnotherRequestIsRefused() throws Exception {
    LoginDriver driver =
        new LoginDriver(
            userHome, variables(), LoginDriver.login("--no-browser").toArray(String[]::new));
    String location = driver.authorize(driver.link());
    driver.type(location.replaceAll("state=[^&]+", "state=forged"));
    CliRun.Result login = driver.finish();
    assertThat(login.code()).isEqualTo(1);
    assertThat(login.err()).contains("state differs");
    assertThat(cache()).doesNotExist();
  }

  @Test
  void refreshesTheAccessTokenBeforeItExpires() throws Exception {
    issuer.accessLifetime = Duration.ofSeconds(30);
    assertThat(loginThroughLoopback().code()).isZero();
    String before =
        Json.mapper().readTree(Files.readString(cache())).at("/globus-timer/access_token").asText();
    int refreshes = issuer.refreshes.get();
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(issuer.refreshes.get()).isEqualTo(refreshes + 1);
    String after =
        Json.mapper().readTree(Files.readString(cache())).at("/globus-timer/access_token").asText();
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void revokeRevokesAtTheIssuerThenForgets() throws Exception {
    assertThat(loginThroughLoopback().code()).isZero();
    String refresh =
        Json.mapper()
            .readTree(Files.readString(cache()))
            .at("/globus-timer/refresh_token")
            .asText();
    CliRun.Result revoke = cli().run("session", "revoke");
    assertThat(revoke.code()).as(revoke.toString()).isZero();
    assertThat(revoke.out()).contains("Revoked your tokens at " + issuer.issuer());
    assertThat(cache()).doesNotExist();

    issuer.accessLifetime = Duration.ofSeconds(1);
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err()).contains("session login");
    assertThat(refresh).isNotBlank();
  }

  @Test
  void aRevokedRefreshTokenAsksForANewLogin() throws Exception {
    issuer.accessLifetime = Duration.ofSeconds(30);
    assertThat(loginThroughLoopback().code()).isZero();
    String refresh =
        Json.mapper()
            .readTree(Files.readString(cache()))
            .at("/globus-timer/refresh_token")
            .asText();
    issuer.revoke(refresh);
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err().strip())
        .contains("could not refresh")
        .contains("session login")
        .doesNotContain("\n");
  }

  @Test
  void aCacheOthersCanReadIsRefused() throws Exception {
    assertThat(loginThroughLoopback().code()).isZero();
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-r--r--"));
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err()).contains("can be read by other users").contains("chmod 600");
  }

  @Test
  void anExpiredTokenWithoutRefreshSaysWhatToRun() throws Exception {
    Files.createDirectories(cache().getParent());
    Files.writeString(
        cache(), "{\"globus-timer\": {\"access_token\": \"x\", \"expires_at_seconds\": 1000}}");
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-------"));
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err()).contains("has expired").contains("session login");
  }
}
