package org.globustimer.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.server.ServerMain;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service says which release it is: in discovery, on every answer, and to --version. */
class ServiceVersionTest {

  @TempDir static Path home;
  static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.start(home);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void discoveryReportsVersionCommitAndBuildDate() {
    JsonNode doc = new Api(service.url(), null).get("/.well-known/globus-timer").body();
    BuildInfo build = BuildInfo.current();
    assertThat(doc.path("version").asText()).isEqualTo(build.version().toString());
    assertThat(doc.path("commit").asText()).isEqualTo(build.commit()).isNotEqualTo("unknown");
    assertThat(doc.path("built_at").asText()).isEqualTo(build.builtAt());
  }

  @Test
  void everyAnswerNamesTheRelease() throws Exception {
    HttpResponse<String> refused = get("/jobs");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue(BuildInfo.VERSION_HEADER))
        .contains(BuildInfo.current().version().toString());
    assertThat(get("/health").headers().firstValue(BuildInfo.VERSION_HEADER)).isPresent();
  }

  @Test
  void theServiceJvmPrintsItsVersion() throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName(),
                "--version")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).startsWith("globus-timer-server " + BuildInfo.current().describe());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(service.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
