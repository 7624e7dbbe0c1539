package org.globustimer.server.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the behaviour of mock-oauth2-server that tests rely on, so an upgrade that changes it fails
 * here first.
 */
class OAuthServerTest {

  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abcdef";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static OAuthServer oauth;

  record Answer(int status, JsonNode body) {
    String text(String field) {
      return body.path(field).asText(null);
    }
  }

  @BeforeAll
  static void start() {
    oauth = new OAuthServer();
  }

  @AfterAll
  static void stop() {
    oauth.close();
  }

  @Test
  void issuerIsTheOneInDiscoveryAndInTokens() throws Exception {
    JsonNode discovery =
        Json.mapper()
            .readTree(
                URI.create(oauth.issuer() + "/.well-known/openid-configuration")
                    .toURL()
                    .openStream());
    assertThat(discovery.path("issuer").asText()).isEqualTo(oauth.issuer());
    assertThat(discovery.path("token_endpoint").asText()).isEqualTo(oauth.tokenEndpoint());
    assertThat(discovery.path("jwks_uri").asText()).isEqualTo(oauth.jwksUrl());
    assertThat(oauth.issuer()).startsWith("http://127.0.0.1:").endsWith("/research");
  }

  @Test
  void userTokenIsSignedByTheIssuerKeyWithTheGivenClaims() throws Exception {
    SignedJWT jwt =
        SignedJWT.parse(
            oauth.userToken("alice", "timer-service", "timers:manage", Duration.ofMinutes(5)));
    RSAKey key = (RSAKey) JWKSet.load(URI.create(oauth.jwksUrl()).toURL()).getKeys().get(0);
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(oauth.issuer());
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getAudience()).containsExactly("timer-service");
    assertThat(claims.getStringClaim("scope")).isEqualTo("timers:manage");
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void authorizationCodeWithPkceGivesTokensForTheLoggedInUser() throws Exception {
    oauth.nextTokens("ignored", "timer-service", "timers:manage", Duration.ofSeconds(90));
    String code = oauth.authorize("cli", REDIRECT, "openid", challenge(VERIFIER), "s1", "bob");
    Answer answer = token(codeGrant(code, VERIFIER), null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("refresh_token")).isNotBlank();
    JWTClaimsSet claims = SignedJWT.parse(answer.text("access_token")).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("bob");
    assertThat(claims.getAudience()).containsExactly("timer-service");
    assertThat(claims.getStringClaim("scope")).isEqualTo("timers:manage");
    assertThat(answer.body().path("expires_in").asLong()).isBetween(85L, 90L);
  }

  @Test
  void wrongVerifierFailsAndUsesUpTheCode() {
    String code = oauth.authorize("cli", REDIRECT, "openid", challenge(VERIFIER), "s2", "bob");
    Answer wrong = token(codeGrant(code, VERIFIER + "-not-it"), null);
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.text("error")).isEqualTo("invalid_grant");
    assertThat(token(codeGrant(code, VERIFIER), null).text("error")).isEqualTo("invalid_grant");
  }

  @Test
  void refreshKnowsItsTokensDoesNotRotateAndHonoursRevocation() {
    String code = oauth.authorize("cli", REDIRECT, "openid", challenge(VERIFIER), "s3", "carol");
    String refresh = token(codeGrant(code, VERIFIER), null).text("refresh_token");

    Answer unknown = token(refreshGrant("no-such-token"), null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text("error")).isEqualTo("invalid_grant");

    Answer refreshed = token(refreshGrant(refresh), null);
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.text("refresh_token")).isEqualTo(refresh);

    Answer revoked =
        post(
            oauth.issuer() + "/revoke",
            form("token", refresh, "token_type_hint", "refresh_token", "client_id", "cli"),
            null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(token(refreshGrant(refresh), null).text("error")).isEqualTo("invalid_grant");
  }

  @Test
  void tokenExchangeKeepsTheSubjectAndTakesTheRequestedAudience() throws Exception {
    String subject =
        oauth.userToken("alice", "timer-service", "timers:manage", Duration.ofMinutes(5));
    Map<String, String> exchange =
        form(
            "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
            "subject_token", subject,
            "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
            "audience", "transfer-api");

    assertThat(token(exchange, null).status()).isEqualTo(400);
    Answer answer = token(exchange, "any-client:any-secret");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("issued_token_type"))
        .isEqualTo("urn:ietf:params:oauth:token-type:access_token");
    assertThat(answer.body().has("refresh_token")).isFalse();
    JWTClaimsSet claims = SignedJWT.parse(answer.text("access_token")).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getAudience()).containsExactly("transfer-api");
    assertThat(claims.getIssuer()).isEqualTo(oauth.issuer());
  }

  @Test
  void introspectionChecksSignatureAndExpiryWithAMinuteOfSkew() {
    String introspect = oauth.issuer() + "/introspect";
    String live = oauth.userToken("alice", "timer-service", "timers:manage", Duration.ofMinutes(5));

    assertThat(post(introspect, form("token", live), null).status()).isEqualTo(401);
    assertThat(active(introspect, live)).isTrue();
    assertThat(active(introspect, "x.y.z")).isFalse();
    assertThat(active(introspect, oauth.userToken("a", "b", "c", Duration.ofSeconds(-30))))
        .isTrue();
    assertThat(active(introspect, oauth.userToken("a", "b", "c", Duration.ofSeconds(-90))))
        .isFalse();
  }

  private static boolean active(String introspect, String token) {
    return post(introspect, form("token", token), "rs:secret").body().path("active").asBoolean();
  }

  private static Map<String, String> codeGrant(String code, String verifier) {
    return form(
        "grant_type", "authorization_code",
        "code", code,
        "redirect_uri", REDIRECT,
        "client_id", "cli",
        "code_verifier", verifier);
  }

  private static Map<String, String> refreshGrant(String refreshToken) {
    return form("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "cli");
  }

  private static Answer token(Map<String, String> form, String basic) {
    return post(oauth.tokenEndpoint(), form, basic);
  }

  private static Answer post(String url, Map<String, String> form, String basic) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(OAuthServer.form(form)));
    if (basic != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isBlank()
              ? Json.mapper().createObjectNode()
              : Json.mapper().readTree(response.body());
      return new Answer(response.statusCode(), body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
