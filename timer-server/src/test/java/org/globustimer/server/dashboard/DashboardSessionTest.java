package org.globustimer.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's session cookie over plain HTTP: what it allows, and what it refuses. */
class DashboardSessionTest {

  @TempDir static Path home;
  static TestService service;
  static FakeActionProvider provider;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = TestService.start(home, Map.of("min_interval_seconds", "1"));
    provider = new FakeActionProvider();
  }

  @AfterAll
  static void stop() {
    service.close();
    provider.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(service.url() + path));
  }

  private static HttpResponse<String> signIn(String token, String origin) throws Exception {
    HttpRequest.Builder request =
        request("/dashboard/session")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\"}"));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return send(request);
  }

  /** The cookie a sign-in set, as a browser would send it back. */
  private static String cookie(HttpResponse<String> signedIn) {
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static JsonNode session(String cookie) throws Exception {
    return Json.mapper()
        .readTree(send(request("/dashboard/session").header("Cookie", cookie)).body());
  }

  private String createTimer() {
    Api.Answer created =
        new Api(service.url(), service.token())
            .post(
                "/jobs",
                "{\"name\": \"cookie test\", \"start\": \""
                    + Instant.now().plusSeconds(3600)
                    + "\", \"interval\": 600, \"callback_url\": \""
                    + provider.runUrl()
                    + "\", \"callback_body\": {\"body\": {}}}");
    return created.body().get("job_id").asText();
  }

  @Test
  void aSignInSetsAScriptProofSameSiteCookieThatTheApiAccepts() throws Exception {
    HttpResponse<String> signedIn = signIn(service.token(), service.url());
    assertThat(signedIn.statusCode()).isEqualTo(204);
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(DashboardSessions.COOKIE + "=")
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain(service.token());

    JsonNode session = session(cookie(signedIn));
    assertThat(session.get("signed_in").asBoolean()).isTrue();
    assertThat(session.get("csrf_token").asText()).hasSizeGreaterThan(20);

    HttpResponse<String> jobs = send(request("/jobs").header("Cookie", cookie(signedIn)));
    assertThat(jobs.statusCode()).isEqualTo(200);
  }

  @Test
  void aChangeWithTheCookieButWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    String id = createTimer();
    String cookie = cookie(signIn(service.token(), null));
    String csrf = session(cookie).get("csrf_token").asText();

    HttpResponse<String> forged =
        send(
            request("/jobs/" + id + "/pause")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("X-CSRF-Token");
    HttpResponse<String> wrong =
        send(
            request("/jobs/" + id + "/pause")
                .header("Cookie", cookie)
                .header(DashboardSessions.CSRF_HEADER, csrf + "x")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(wrong.statusCode()).isEqualTo(403);
    Api api = new Api(service.url(), service.token());
    assertThat(api.get("/jobs/" + id).body().get("status").asText()).isEqualTo("new");

    HttpResponse<String> paused =
        send(
            request("/jobs/" + id + "/pause")
                .header("Cookie", cookie)
                .header(DashboardSessions.CSRF_HEADER, csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(api.get("/jobs/" + id).body().get("status").asText()).isEqualTo("inactive");
  }

  @Test
  void aWrongTokenAnotherSitesPageOrAFormPostGetsNoSession() throws Exception {
    HttpResponse<String> wrong = signIn("not-the-token", null);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(wrong.body()).contains("not valid");

    HttpResponse<String> elsewhere = signIn(service.token(), "https://evil.example");
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(elsewhere.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> form =
        send(
            request("/dashboard/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + service.token())));
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aTamperedCookieIsNoSession() throws Exception {
    String cookie = cookie(signIn(service.token(), null));
    int middle = cookie.indexOf('=') + (cookie.length() - cookie.indexOf('=')) / 2;
    char was = cookie.charAt(middle);
    String tampered =
        cookie.substring(0, middle) + (was == 'A' ? 'B' : 'A') + cookie.substring(middle + 1);
    assertThat(session(tampered).get("signed_in").asBoolean()).isFalse();
    assertThat(send(request("/jobs").header("Cookie", tampered)).statusCode()).isEqualTo(401);
  }

  @Test
  void signingOutEndsTheSessionInTheBrowser() throws Exception {
    String cookie = cookie(signIn(service.token(), null));
    String csrf = session(cookie).get("csrf_token").asText();
    HttpResponse<String> out =
        send(
            request("/dashboard/session")
                .header("Cookie", cookie)
                .header(DashboardSessions.CSRF_HEADER, csrf)
                .DELETE());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(DashboardSessions.COOKIE + "=;")
        .contains("Max-Age=0");
  }

  @Test
  void thePageAndItsScriptsComeFromTheServiceUnderAStrictPolicy() throws Exception {
    HttpResponse<String> page = send(request("/dashboard/"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.body()).contains("/dashboard/assets/app.js").doesNotContain("https://");
    HttpResponse<String> script = send(request("/dashboard/assets/app.js"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(send(request("/dashboard/assets/..%2Ftoken")).statusCode()).isEqualTo(404);
    assertThat(send(request("/dashboard/assets/missing.js")).statusCode()).isEqualTo(404);
  }
}
