package org.globustimer.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.globustimer.cli.CliRun;
import org.globustimer.core.json.Json;
import org.globustimer.server.auth.Principals;
import org.globustimer.server.testkit.OAuthServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session login | whoami | revoke | logout} against a real service and a real OAuth2/OIDC
 * server (mock-oauth2-server) over HTTP.
 */
class SessionLoginTest {

  static final String CLIENT = "globus-timer-cli";
  static final String AUDIENCE = "timer-service";
  static final String SCOPE = "timers:manage";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path scratch;
  @TempDir Path userHome;
  static OAuthServer oauth;
  static TestService service;

  @BeforeAll
  static void start() {
    oauth = new OAuthServer();
    service =
        TestService.start(
            scratch.resolve("service"),
            Map.of(
                "oidc_issuer", oauth.issuer(),
                "oidc_audience", AUDIENCE,
                "oidc_required_scope", SCOPE,
                "oidc_client_id", CLIENT));
  }

  @AfterAll
  static void stop() {
    service.close();
    oauth.close();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    tokenGrants();
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

  private String cached(String field) throws Exception {
    return Json.mapper().readTree(Files.readString(cache())).at("/globus-timer/" + field).asText();
  }

  private CliRun.Result loginThroughLoopback(String user, Duration lifetime) throws Exception {
    LoginDriver driver =
        new LoginDriver(userHome, variables(), LoginDriver.login().toArray(String[]::new));
    URI link = driver.link();
    assertThat(link.getQuery())
        .contains("code_challenge_method=S256")
        .contains("client_id=" + CLIENT)
        .contains("openid");
    String location = approve(link, user, lifetime);
    assertThat(location).startsWith("http://127.0.0.1:");
    assertThat(driver.followRedirect(location)).isEqualTo(200);
    return driver.finish();
  }

  /**
   * Logs in as {@code user} on the issuer's page for the link, as the browser would, and answers
   * where the issuer sends the browser back to. The code exchange that follows gets tokens for this
   * service that live {@code lifetime}.
   */
  private static String approve(URI link, String user, Duration lifetime) throws Exception {
    // The issuer would otherwise choose the audience and a lifetime of an hour. The next token
    // request to the issuer takes these, so call this only when the CLI's code exchange follows.
    oauth.nextTokens(user, AUDIENCE, "openid profile " + SCOPE, lifetime);
    String claims = "{\"preferred_username\": \"" + user + "@example.org\"}";
    return LoginDriver.authorizeAs(link, user, claims);
  }

  /** The grant types of the token requests the issuer received since the last call. */
  private static List<String> tokenGrants() {
    List<String> grants = new ArrayList<>();
    while (true) {
      RecordedRequest request;
      try {
        request = oauth.server().takeRequest(100, TimeUnit.MILLISECONDS);
      } catch (RuntimeException nothingMore) {
        // mock-oauth2-server throws, rather than answering null, when no request came in time.
        return grants;
      }
      String body = request.getBody().readUtf8();
      if (request.getPath().endsWith("/token")) {
        for (String field : body.split("&")) {
          if (field.startsWith("grant_type=")) {
            grants.add(field.substring("grant_type=".length()));
          }
        }
      }
    }
  }

  @Test
  void logsInWithPkceThroughALoopbackRedirect() throws Exception {
    CliRun.Result login = loginThroughLoopback("bob", Duration.ofHours(1));
    assertThat(login.code()).as(login.toString()).isZero();
    assertThat(login.out()).contains("The service knows you as bob@example.org.");
    assertThat(tokenGrants()).containsExactly("authorization_code");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache())))
        .isEqualTo("rw-------");
    assertThat(cached("issuer")).isEqualTo(oauth.issuer());
    assertThat(cached("refresh_token")).isNotBlank();

    CliRun.Result whoami = cli().run("session", "whoami", "--format", "json");
    assertThat(whoami.code()).as(whoami.toString()).isZero();
    JsonNode me = Json.mapper().readTree(whoami.out());
    assertThat(me.get("sub").asText()).isEqualTo(Principals.of("bob"));
    assertThat(cli().run("session", "whoami").out().strip()).isEqualTo("bob@example.org");
    assertThat(cli().run("session", "whoami", "--format", "unix").out().strip())
        .isEqualTo(Principals.of("bob") + "\tbob@example.org\t" + oauth.issuer());
    assertThat(cli().run("session", "whoami", "--format", "full").out())
        .contains("Token From")
        .contains("tokens.json");
    assertThat(cli().run("job", "list").code()).isZero();
  }

  @Test
  void logsInByPastingTheAddressWithoutABrowser() throws Exception {
    LoginDriver driver =
        new LoginDriver(
            userHome, variables(), LoginDriver.login("--no-browser").toArray(String[]::new));
    String location = approve(driver.link(), "dana", Duration.ofHours(1));
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
    assertThat(tokenGrants()).isEmpty();
  }

  @Test
  void aWrongVerifierIsRefusedByTheIssuer() throws Exception {
    LoginDriver driver =
        new LoginDriver(
            userHome, variables(), LoginDriver.login("--no-browser").toArray(String[]::new));
    URI link = driver.link();
    // Another request's challenge: the CLI's verifier no longer matches it.
    URI tampered =
        URI.create(
            link.toString().replaceAll("code_challenge=[^&]+", "code_challenge=" + "A".repeat(43)));
    driver.type(driver.authorize(tampered));
    CliRun.Result login = driver.finish();
    assertThat(login.code()).as(login.toString()).isEqualTo(1);
    assertThat(login.err()).contains("could not exchange the code").contains("400");
    assertThat(cache()).doesNotExist();
  }

  @Test
  void refreshesTheAccessTokenBeforeItExpires() throws Exception {
    assertThat(loginThroughLoopback("bob", Duration.ofSeconds(30)).code()).isZero();
    String before = cached("access_token");
    long expiresBefore = Long.parseLong(cached("expires_at_seconds"));
    tokenGrants();

    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(tokenGrants()).containsExactly("refresh_token");
    assertThat(cached("access_token")).isNotEqualTo(before);
    assertThat(Long.parseLong(cached("expires_at_seconds"))).isGreaterThanOrEqualTo(expiresBefore);
  }

  @Test
  void revokeRevokesAtTheIssuerThenForgets() throws Exception {
    assertThat(loginThroughLoopback("bob", Duration.ofHours(1)).code()).isZero();
    String refreshToken = cached("refresh_token");

    CliRun.Result revoke = cli().run("session", "revoke");
    assertThat(revoke.code()).as(revoke.toString()).isZero();
    assertThat(revoke.out())
        .contains("Revoked your refresh token at " + oauth.issuer())
        // RFC 7009 lets an issuer decline to revoke access tokens; this one does.
        .contains("does not revoke access tokens");
    assertThat(cache()).doesNotExist();
    assertThat(refreshGrant(refreshToken)).isEqualTo(400);

    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err()).contains("session login");
  }

  private static int refreshGrant(String refreshToken) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(oauth.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&client_id="
                            + CLIENT
                            + "&refresh_token="
                            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aRevokedRefreshTokenAsksForANewLogin() throws Exception {
    assertThat(loginThroughLoopback("bob", Duration.ofSeconds(30)).code()).isZero();
    oauth.revokeRefreshToken(cached("refresh_token"));
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err().strip())
        .contains("could not refresh")
        .contains("400")
        .contains("session login")
        .doesNotContain("\n");
  }

  @Test
  void logoutForgetsTheCachedTokens() throws Exception {
    assertThat(loginThroughLoopback("bob", Duration.ofHours(1)).code()).isZero();
    CliRun.Result logout = cli().run("session", "logout");
    assertThat(logout.code()).as(logout.toString()).isZero();
    assertThat(logout.out()).contains("Removed").contains("tokens.json");
    assertThat(cache()).doesNotExist();
    assertThat(cli().run("session", "logout").out()).contains("No cached tokens.");

    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err()).contains("session login");
  }

  @Test
  void aCacheOthersCanReadIsRefused() throws Exception {
    assertThat(loginThroughLoopback("bob", Duration.ofHours(1)).code()).isZero();
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-r--r--"));
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err()).contains("can be read by other users").contains("chmod 600");
  }

  @Test
  void aCorruptCacheSaysWhatToRun() throws Exception {
    Files.createDirectories(cache().getParent());
    Files.writeString(cache(), "{\"globus-timer\": {\"access_token\": ");
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-------"));
    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).as(list.toString()).isEqualTo(1);
    assertThat(list.err()).contains("is not a readable token cache").contains("session login");
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
