package org.globustimer.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.cli.CliRun;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.OAuthServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session consent} against a real multi-user service whose provider {@code vault} keeps a
 * refresh token per user, and a real OAuth2/OIDC server (mock-oauth2-server) to consent at.
 */
class SessionConsentTest {

  static final String CLIENT = "globus-timer-cli";
  static final String AUDIENCE = "timer-service";
  static final String VAULT_URL = "https://vault.example.org/actions/";
  static final String LAB_URL = "https://lab.example.org/actions/";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path home;
  @TempDir Path userHome;
  static OAuthServer oauth;
  static TestService service;

  @BeforeAll
  static void start() throws Exception {
    oauth = new OAuthServer();
    Path key = TestService.secretKeyFile(home);
    Map<String, String> settings = new HashMap<>();
    settings.put("multi_user", "true");
    settings.put("secret_key_file", key.toString());
    settings.put("oidc_issuer", oauth.issuer());
    settings.put("oidc_audience", AUDIENCE);
    settings.put("oidc_client_id", CLIENT);
    settings.put("allowed_action_urls", VAULT_URL + "," + LAB_URL);
    settings.put("provider.vault.url", VAULT_URL);
    settings.put("provider.vault.credential", "refresh_token");
    settings.put("provider.vault.scopes", "openid vault:run offline_access");
    settings.put("provider.lab.url", LAB_URL);
    settings.put("provider.lab.credential", "token_exchange");
    settings.put("provider.lab.audience", "lab-provider");
    settings.put("provider.lab.client_id", "timer-service");
    settings.put("provider.lab.client_secret", "service-secret");
    service = TestService.start(home.resolve("service"), settings);
  }

  @AfterAll
  static void stop() {
    service.close();
    oauth.close();
  }

  private static String tokenFor(String user) {
    return oauth.userToken(user, AUDIENCE, "openid timers:manage", Duration.ofHours(1));
  }

  private Map<String, String> variables(String user) {
    return Map.of(
        "TIMER_SERVICE_URL",
        service.url(),
        "GLOBUS_TIMER_TOKEN",
        tokenFor(user),
        "BROWSER",
        "true");
  }

  private CliRun cli(String user) {
    return new CliRun(userHome)
        .env("TIMER_SERVICE_URL", service.url())
        .env("GLOBUS_TIMER_TOKEN", tokenFor(user));
  }

  /** Logs in as {@code user} on the issuer's page for the link and answers the redirect. */
  private static String approve(URI link, String user) throws Exception {
    return LoginDriver.authorizeAs(link, user, null);
  }

  private static String parameter(URI link, String name) {
    for (String pair : link.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static JsonNode vaultAsSeenBy(String user) {
    Api.Answer listing = new Api(service.url(), tokenFor(user)).get("/provider_credentials");
    assertThat(listing.status()).as(listing.raw()).isEqualTo(200);
    for (JsonNode item : listing.body().get("providers")) {
      if (item.get("name").asText().equals("vault")) {
        return item;
      }
    }
    throw new AssertionError("vault is not listed: " + listing.raw());
  }

  /** The cells of vault's row in the listing's table. */
  private static List<String> vaultRow(String table) {
    String row = table.lines().filter(line -> line.contains(VAULT_URL)).findFirst().orElseThrow();
    return Arrays.stream(row.split("\\|")).map(String::strip).toList();
  }

  @Test
  void listsTheProvidersAndWhatIsStored() {
    CliRun.Result list = cli("ann").run("session", "consent");
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(list.out()).contains("vault").contains("lab").contains("token_exchange");
    assertThat(vaultRow(list.out())).startsWith("vault", VAULT_URL, "refresh_token", "no");
  }

  @Test
  void consentToVaultStoresTheIssuersRefreshToken() throws Exception {
    LoginDriver driver =
        new LoginDriver(userHome, variables("erin"), "session", "consent", "vault");
    URI link = driver.link();
    assertThat(link.toString()).startsWith(oauth.authorizationEndpoint());
    assertThat(parameter(link, "client_id")).isEqualTo(CLIENT);
    assertThat(parameter(link, "scope")).isEqualTo("openid vault:run offline_access");
    assertThat(parameter(link, "code_challenge_method")).isEqualTo("S256");
    assertThat(driver.followRedirect(approve(link, "erin"))).isEqualTo(200);
    CliRun.Result consent = driver.finish();
    assertThat(consent.code()).as(consent.toString()).isZero();
    assertThat(consent.out()).contains("Stored a refresh token for provider vault.");

    assertThat(vaultRow(cli("erin").run("session", "consent").out()).get(3)).isEqualTo("yes");
    JsonNode vault = vaultAsSeenBy("erin");
    assertThat(vault.get("stored").asBoolean()).isTrue();
    assertThat(vault.get("refreshable").asBoolean()).isTrue();
    assertThat(vaultAsSeenBy("ann").get("stored").asBoolean()).isFalse();
  }

  @Test
  void consentWithoutABrowserTakesThePastedAddress() throws Exception {
    LoginDriver driver =
        new LoginDriver(userHome, variables("fred"), "session", "consent", "vault", "--no-browser");
    String location = approve(driver.link(), "fred");
    assertThat(location).startsWith("http://127.0.0.1/callback?code=");
    driver.type(location);
    CliRun.Result consent = driver.finish();
    assertThat(consent.code()).as(consent.toString()).isZero();
    assertThat(vaultAsSeenBy("fred").get("stored").asBoolean()).isTrue();
  }

  @Test
  void anUnknownProviderIsNamedWithTheOnesThereAre() {
    CliRun.Result consent = cli("ann").run("session", "consent", "nope");
    assertThat(consent.code()).isEqualTo(1);
    assertThat(consent.err().strip())
        .contains("'nope'")
        .contains("lab")
        .contains("vault")
        .doesNotContain("\n");
  }

  @Test
  void aTokenExchangeProviderNeedsNoConsent() {
    CliRun.Result consent = cli("ann").run("session", "consent", "lab");
    assertThat(consent.code()).as(consent.toString()).isZero();
    assertThat(consent.out()).contains("nothing is stored").contains("--update-credentials");
  }

  @Test
  void listsAsJson() throws Exception {
    CliRun.Result list = cli("ann").run("session", "consent", "--format", "json");
    assertThat(list.code()).as(list.toString()).isZero();
    JsonNode providers = Json.mapper().readTree(list.out()).get("providers");
    assertThat(providers.findValuesAsText("name")).containsExactlyInAnyOrder("vault", "lab");
    for (JsonNode provider : providers) {
      assertThat(provider.get("stored").asBoolean()).as(provider.toString()).isFalse();
      assertThat(provider.get("credential").asText())
          .isEqualTo(
              provider.get("name").asText().equals("vault") ? "refresh_token" : "token_exchange");
    }
  }
}
