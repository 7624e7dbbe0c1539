package org.globustimer.server.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.CredentialRow;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.OAuthServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service calls external providers with tokens obtained for the timer's owner from a real
 * OAuth2/OIDC server: by token exchange, or from a refresh token the user stored. A credential that
 * stops working pauses the timer with {@code globus_auth_requirements}; updating it resumes it.
 */
class ProviderCredentialsTest {

  static final String SERVICE_AUDIENCE = "timer-service";
  static final String LAB_AUDIENCE = "lab-provider";
  static final String VAULT_SCOPES = "openid vault:run offline_access";

  /** The readable detail inside the auth requirements error of an inactive timer. */
  static final String SESSION_MESSAGE =
      "/inactive_reason/detail/authorization_parameters/session_message";

  @TempDir static Path home;
  static OAuthServer issuer;
  static FakeActionProvider lab;
  static FakeActionProvider vault;
  static FakeActionProvider plain;
  static TestService service;
  static JWKSet issuerKeys;

  @BeforeAll
  static void start() throws Exception {
    issuer = new OAuthServer();
    lab = new FakeActionProvider();
    vault = new FakeActionProvider();
    plain = new FakeActionProvider();
    issuerKeys = JWKSet.load(URI.create(issuer.jwksUrl()).toURL());
    Path key = TestService.secretKeyFile(home);
    Map<String, String> settings = new HashMap<>();
    settings.put("multi_user", "true");
    settings.put("secret_key_file", key.toString());
    settings.put("oidc_issuer", issuer.issuer());
    settings.put("oidc_audience", SERVICE_AUDIENCE);
    settings.put("oidc_client_id", "globus-timer-cli");
    settings.put("min_interval_seconds", "1");
    settings.put("allowed_action_urls", String.join(",", base(lab), base(vault), base(plain)));
    settings.put("provider.lab.url", base(lab));
    settings.put("provider.lab.credential", "token_exchange");
    settings.put("provider.lab.audience", LAB_AUDIENCE);
    settings.put("provider.lab.scopes", "lab:run");
    settings.put("provider.lab.client_id", "timer-service");
    settings.put("provider.lab.client_secret", "service-secret");
    settings.put("provider.vault.url", base(vault));
    settings.put("provider.vault.credential", "refresh_token");
    settings.put("provider.vault.scopes", "vault:run offline_access");
    service = TestService.start(home.resolve("service"), settings);
  }

  @AfterAll
  static void stop() {
    service.close();
    lab.close();
    vault.close();
    plain.close();
    issuer.close();
  }

  static String base(FakeActionProvider provider) {
    return provider.runUrl().replace("/fake/run", "/fake/");
  }

  static Api as(String user) {
    return new Api(
        service.url(),
        issuer.userToken(user, SERVICE_AUDIENCE, "openid timers:manage", Duration.ofHours(1)));
  }

  static String create(Api api, FakeActionProvider provider, int interval) {
    Api.Answer created = createAnswer(api, provider, interval);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  static Api.Answer createAnswer(Api api, FakeActionProvider provider, int interval) {
    return api.post(
        "/jobs",
        "{\"name\": \"creds\", \"start\": \""
            + Instant.now()
            + "\", \"interval\": "
            + interval
            + ", \"callback_url\": \""
            + provider.runUrl()
            + "\", \"callback_body\": {\"body\": {}}}");
  }

  static SignedJWT bearer(FakeActionProvider.Submission submission) throws Exception {
    assertThat(submission.authorization()).startsWith("Bearer ");
    return SignedJWT.parse(submission.authorization().substring("Bearer ".length()));
  }

  static boolean signedByIssuer(SignedJWT jwt) {
    try {
      RSAKey key = (RSAKey) issuerKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
      JWSVerifier verifier = new RSASSAVerifier(key);
      return key != null && jwt.verify(verifier);
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void theCallersTokenIsExchangedAndTheResultGoesOnlyToThatProvider() throws Exception {
    Api carol = as("carol");
    String labTimer = create(carol, lab, 3600);
    String plainTimer = create(carol, plain, 3600);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(carol, labTimer) > 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(carol, plainTimer) > 0);

    SignedJWT sent = bearer(lab.submissions().getLast());
    assertThat(signedByIssuer(sent)).isTrue();
    assertThat(sent.getJWTClaimsSet().getSubject()).isEqualTo("carol");
    assertThat(sent.getJWTClaimsSet().getAudience()).contains(LAB_AUDIENCE);
    assertThat(sent.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
    assertThat(plain.submissions()).allSatisfy(s -> assertThat(s.authorization()).isNull());
    JsonNode result = latestResult(carol, labTimer);
    assertThat(result.path("status").asInt()).as(result.toString()).isEqualTo(202);

    List<CredentialRow> stored =
        service.service().store().inTransaction(tx -> tx.credentials().ownedBy(principal("carol")));
    assertThat(stored)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.provider()).isEqualTo("lab");
              assertThat(row.accessTokenSealed()).doesNotContain(sent.serialize().substring(0, 20));
            });
  }

  @Test
  void aCredentialTheProviderNoLongerAcceptsPausesTheTimerUntilItIsUpdated() throws Exception {
    Api dave = as("dave");
    String id = create(dave, lab, 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(dave, id) >= 2);

    revokeTokensSentSoFar(lab, "dave");
    JsonNode paused = awaitStatus(dave, id, "inactive");
    assertThat(paused.at("/inactive_reason/cause").asText()).isEqualTo("globus_auth_requirements");
    assertThat(paused.at("/inactive_reason/detail/code").asText())
        .isEqualTo("AuthorizationRequired");
    assertThat(paused.at(SESSION_MESSAGE).asText())
        .contains("lab")
        .contains("--update-credentials");

    Api freshLogin = as("dave");
    // As the Python SDK sends it: in the body.
    Api.Answer resumed =
        freshLogin.post("/jobs/" + id + "/resume", "{\"update_credentials\": true}");
    assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
    int before = runs(dave, id);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(dave, id) > before + 1);
    JsonNode running = dave.get("/jobs/" + id).body();
    assertThat(running.get("status").asText()).isNotEqualTo("inactive");
    assertThat(latestResult(dave, id).path("status").asInt()).isEqualTo(202);
    dave.delete("/jobs/" + id);
  }

  @Test
  void aCredentialRefusedWhileTheActionRunsPausesTheTimerAndKeepsTheRunOpen() throws Exception {
    Api ivan = as("ivan");
    lab.actionDuration = Duration.ofHours(1);
    try {
      String id = create(ivan, lab, 3600);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> lab.statusChecks() > 0 && runs(ivan, id) == 1);
      revokeTokensSentSoFar(lab, "ivan");
      JsonNode paused = awaitStatus(ivan, id, "inactive");
      assertThat(paused.at("/inactive_reason/cause").asText())
          .isEqualTo("globus_auth_requirements");
      assertThat(latestResult(ivan, id).path("run_status").asText()).isEqualTo("ACTIVE");

      lab.actionDuration = Duration.ZERO;
      // Without update_credentials the inactive reason decides: credentials are renewed.
      Api.Answer resumed = as("ivan").post("/jobs/" + id + "/resume", null);
      assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
      // The open run is looked at again on its next poll, and polls back off to a minute apart:
      // on a busy machine several polls can pass before the pause is seen.
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> latestResult(ivan, id).path("run_status").asText().equals("SUCCEEDED"));
      assertThat(runs(ivan, id)).isEqualTo(1);
      ivan.delete("/jobs/" + id);
    } finally {
      lab.actionDuration = Duration.ZERO;
    }
  }

  @Test
  void aLocalTokenIsNeverSentToTheIssuerAndCannotBeExchanged() {
    Api local = new Api(service.url(), service.token());
    Api.Answer refused = createAnswer(local, lab, 3600);
    assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
    assertThat(refused.body().at("/error/code").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(refused.body().at("/error/detail").asText()).contains("session login");
    assertThat(refused.body().at("/authorization_parameters/required_scopes/0").asText())
        .isEqualTo("lab:run");
    assertThat(local.get("/jobs").body().get("jobs")).isEmpty();
  }

  @Test
  void aStoredRefreshTokenIsUsedAndItsRemovalPausesTheTimer() throws Exception {
    Api erin = as("erin");
    Api.Answer missing = createAnswer(erin, vault, 3600);
    assertThat(missing.status()).as(missing.raw()).isEqualTo(403);
    assertThat(missing.body().at("/error/detail").asText()).contains("session consent vault");

    String refreshToken = loginForRefreshToken("erin", VAULT_SCOPES);
    storeRefreshToken(erin, "vault", refreshToken);
    JsonNode listing = erin.get("/provider_credentials").body();
    JsonNode vaultEntry = null;
    for (JsonNode item : listing.get("providers")) {
      if (item.get("name").asText().equals("vault")) {
        vaultEntry = item;
      }
    }
    assertThat(vaultEntry).isNotNull();
    assertThat(vaultEntry.get("stored").asBoolean()).isTrue();
    assertThat(vaultEntry.get("refreshable").asBoolean()).isTrue();
    assertThat(listing.toString()).doesNotContain(refreshToken);

    String id = create(erin, vault, 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(erin, id) >= 1);
    assertThat(signedByIssuer(bearer(vault.submissions().getLast()))).isTrue();

    assertThat(erin.delete("/provider_credentials/vault").status()).isEqualTo(200);
    // The cached access token is forgotten with the stored credential.
    JsonNode paused = awaitStatus(erin, id, "inactive");
    assertThat(paused.at("/inactive_reason/cause").asText()).isEqualTo("globus_auth_requirements");
    assertThat(paused.at(SESSION_MESSAGE).asText()).contains("session consent vault");

    Api.Answer stillMissing = erin.post("/jobs/" + id + "/resume?update_credentials=true", null);
    assertThat(stillMissing.status()).as(stillMissing.raw()).isEqualTo(403);
    assertThat(erin.get("/jobs/" + id).body().get("status").asText()).isEqualTo("inactive");

    storeRefreshToken(erin, "vault", loginForRefreshToken("erin", VAULT_SCOPES));
    assertThat(erin.post("/jobs/" + id + "/resume?update_credentials=true", null).status())
        .isEqualTo(200);
    int before = runs(erin, id);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(erin, id) > before);
    erin.delete("/jobs/" + id);
  }

  @Test
  void aRefreshTokenRevokedAtTheIssuerPausesTheTimerUntilConsentIsGivenAgain() {
    Api gina = as("gina");
    String refreshToken = loginForRefreshToken("gina", VAULT_SCOPES);
    storeRefreshToken(gina, "vault", refreshToken);
    String id = create(gina, vault, 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(gina, id) >= 2);

    issuer.revokeRefreshToken(refreshToken);
    revokeTokensSentSoFar(vault, "gina");
    JsonNode paused = awaitStatus(gina, id, "inactive");
    assertThat(paused.at("/inactive_reason/cause").asText()).isEqualTo("globus_auth_requirements");
    assertThat(paused.at(SESSION_MESSAGE).asText())
        .contains("refused the stored refresh token")
        .contains("invalid_grant")
        .contains("session consent vault");

    storeRefreshToken(gina, "vault", loginForRefreshToken("gina", VAULT_SCOPES));
    assertThat(gina.post("/jobs/" + id + "/resume?update_credentials=true", null).status())
        .isEqualTo(200);
    int before = runs(gina, id);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(gina, id) > before);
    gina.delete("/jobs/" + id);
  }

  @Test
  void aRefreshTokenTheIssuerDoesNotKnowIsNotStored() {
    Api hank = as("hank");
    Api.Answer refused = hank.put("/provider_credentials/vault", "{\"refresh_token\": \"forged\"}");
    assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
    assertThat(refused.body().at("/error/detail").asText()).contains("invalid_grant");
    JsonNode listing = hank.get("/provider_credentials").body();
    assertThat(listing.toString()).doesNotContain("\"stored\":true");
  }

  @Test
  void anotherUsersCredentialsAreNeitherListedNorUsable() {
    // Someone else holds a vault credential, so a listing that leaked it would show it.
    storeRefreshToken(as("gail"), "vault", loginForRefreshToken("gail", VAULT_SCOPES));
    Api frank = as("frank");
    Api.Answer refused = frank.put("/provider_credentials/lab", "{\"refresh_token\": \"x\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(frank.put("/provider_credentials/nope", "{\"refresh_token\": \"x\"}").status())
        .isEqualTo(404);
    assertThat(frank.put("/provider_credentials/vault", "{}").status()).isEqualTo(422);
    JsonNode listing = frank.get("/provider_credentials").body();
    for (JsonNode item : listing.get("providers")) {
      assertThat(item.get("stored").asBoolean()).as(item.toString()).isFalse();
    }
  }

  // ---- helpers

  static String principal(String subject) {
    return "urn:globus:auth:identity:" + subject;
  }

  static int runs(Api api, String id) {
    return api.get("/jobs/" + id).body().path("n_runs").asInt();
  }

  static JsonNode latestResult(Api api, String id) {
    return api.get("/jobs/" + id).body().at("/results/data/0");
  }

  static JsonNode awaitStatus(Api api, String id, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> status.equals(api.get("/jobs/" + id).body().path("status").asText()));
    return api.get("/jobs/" + id).body();
  }

  /**
   * From now on the provider refuses every token of {@code user} it has been sent so far, as after
   * a revocation; tokens issued later (each has its own id) are accepted.
   */
  static void revokeTokensSentSoFar(FakeActionProvider provider, String user) {
    Set<String> revoked =
        provider.submissions().stream()
            .map(FakeActionProvider.Submission::authorization)
            .filter(Objects::nonNull)
            .map(header -> header.substring("Bearer ".length()))
            .filter(token -> subject(token).equals(user))
            .collect(Collectors.toSet());
    provider.acceptsBearer = token -> !revoked.contains(token);
  }

  static String subject(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
    } catch (Exception e) {
      return "";
    }
  }

  /** The CLI's login for the provider's scopes, ending in the issuer's refresh token. */
  static String loginForRefreshToken(String user, String scope) {
    JsonNode tokens = issuer.login(user, "globus-timer-cli", scope);
    assertThat(tokens.hasNonNull("refresh_token")).as(tokens.toString()).isTrue();
    return tokens.get("refresh_token").asText();
  }

  static void storeRefreshToken(Api api, String provider, String refreshToken) {
    Api.Answer stored =
        api.put(
            "/provider_credentials/" + provider,
            Json.mapper().createObjectNode().put("refresh_token", refreshToken).toString());
    assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
  }
}
