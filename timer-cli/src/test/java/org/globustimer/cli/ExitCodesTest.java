package org.globustimer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors exit 2, service and network errors exit 1, each with one readable line. */
class ExitCodesTest {

  static final String JOB_ID = "4b5e8d8a-0000-4000-8000-000000000001";

  @TempDir Path home;
  CliRun cli;

  @BeforeEach
  void setUp() {
    cli = new CliRun(home).env("GLOBUS_TIMER_TOKEN", "t0k3n");
  }

  private static String closedPortUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private static void assertOneErrorLine(CliRun.Result result, String contains) {
    assertThat(result.err().strip().lines()).as(result.toString()).hasSize(1);
    assertThat(result.err()).startsWith("globus-timer: error: ").contains(contains);
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unparseableStartIsAUsageError() {
    var result =
        cli.run(
            "--service-url",
            "http://127.0.0.1:1",
            "job",
            "submit",
            "--start",
            "tomorrow",
            "--action-url",
            "https://example.org/run",
            "--action-body",
            "{}");
    assertThat(result.code()).as(result.toString()).isEqualTo(2);
    assertThat(result.err())
        .contains("Invalid value for option '--start'")
        .contains("'tomorrow' is not a time")
        .contains("Usage: globus-timer job submit");
  }

  @Test
  void junkIntervalIsAUsageError() {
    var result =
        cli.run(
            "job",
            "submit",
            "--interval",
            "10 minutesish",
            "--action-url",
            "https://example.org/run",
            "--action-body",
            "{}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--interval").contains("is not an interval");
  }

  @Test
  void bothOrNeitherActionBodyIsAUsageError() {
    var both =
        cli.run(
            "job",
            "submit",
            "--action-url",
            "https://example.org/run",
            "--action-body",
            "{}",
            "--action-file",
            "body.json");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    var neither = cli.run("job", "submit", "--action-url", "https://example.org/run");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("--action-body").contains("--action-file");
  }

  @Test
  void actionBodyMustBeJson() {
    var result =
        cli.run(
            "--service-url",
            "http://127.0.0.1:1",
            "job",
            "submit",
            "--action-url",
            "https://example.org/run",
            "--action-body",
            "{not json");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--action-body is not valid JSON");
  }

  @Test
  void stopAfterRunsZeroIsAUsageErrorNotDropped() {
    var result =
        cli.run(
            "job",
            "transfer",
            "--source-endpoint",
            "a",
            "--dest-endpoint",
            "b",
            "--item",
            "/a",
            "/b",
            "false",
            "--stop-after-runs",
            "0");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--stop-after-runs").contains("must be at least 1");
  }

  @Test
  void missingOrMalformedJobIdIsAUsageError() {
    var missing = cli.run("job", "status");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required parameter: 'JOB_ID'");
    var malformed = cli.run("job", "delete", "not-a-uuid");
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains("'not-a-uuid' is not a job id");
  }

  @Test
  void transferWithoutItemsIsAUsageError() {
    var result =
        cli.run(
            "--service-url",
            "http://127.0.0.1:1",
            "job",
            "transfer",
            "--source-endpoint",
            "a",
            "--dest-endpoint",
            "b");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("give at least one --item");
  }

  @Test
  void unreachableServiceIsOneLineNamingTheUrl() throws IOException {
    String url = closedPortUrl();
    var result = cli.run("--service-url", url, "job", "list");
    assertThat(result.code()).isEqualTo(1);
    assertOneErrorLine(result, "cannot reach the timer service at " + url);
  }

  @Test
  void debugShowsTheStackTrace() throws IOException {
    var result = cli.run("--service-url", closedPortUrl(), "--debug", "job", "list");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("\tat ").contains("globus-timer: error: cannot reach");
  }

  @Test
  void httpErrorsExitOneWithTheServicesDetail() throws IOException {
    try (StubService stub =
        new StubService(
            422,
            "{\"detail\":[{\"loc\":[\"body\",\"interval\"],\"msg\":\"must be at least 1"
                + " second\",\"type\":\"value_error\"}]}")) {
      var result =
          cli.run(
              "--service-url",
              stub.url(),
              "job",
              "submit",
              "--interval",
              "5",
              "--action-url",
              "https://example.org/run",
              "--action-body",
              "{\"body\":{}}");
      assertThat(result.code()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo("globus-timer: error: interval: must be at least 1 second (422)\n");
      assertThat(stub.seen().get(0).authorization()).isEqualTo("Bearer t0k3n");
    }
  }

  @Test
  void refusedTokenSaysWhatToDo() throws IOException {
    try (StubService stub =
        new StubService(401, "{\"error\":{\"code\":\"unauthorized\",\"detail\":\"bad token\"}}")) {
      var result = cli.run("--service-url", stub.url(), "job", "list");
      assertThat(result.code()).isEqualTo(1);
      assertOneErrorLine(result, "GLOBUS_TIMER_TOKEN");
    }
  }

  @Test
  void missingTokenForARemoteServiceSaysWhatToDo() throws IOException {
    try (StubService stub =
        new StubService(401, "{\"error\":{\"code\":\"unauthorized\",\"detail\":\"no token\"}}")) {
      var result =
          cli.env("GLOBUS_TIMER_TOKEN", null).run("--service-url", stub.url(), "job", "list");
      assertThat(result.code()).isEqualTo(1);
      assertOneErrorLine(result, "no token for " + stub.url());
      assertThat(stub.seen().get(0).authorization()).isNull();
    }
  }

  @Test
  void corruptTokenCacheIsOneLineWithoutTraceback() throws IOException {
    Path cache = home.resolve(".config/globus/tokens.json");
    Files.createDirectories(cache.getParent());
    Files.writeString(cache, "{\"timer\": {\"access_token\": ");
    try (StubService stub = new StubService(200, "{\"jobs\":[]}")) {
      var result =
          cli.env("GLOBUS_TIMER_TOKEN", null).run("--service-url", stub.url(), "job", "list");
      assertThat(result.code()).isEqualTo(1);
      assertOneErrorLine(result, "tokens.json is not a readable token cache");
    }
  }

  @Test
  void tokenCacheEntriesAreUsed() throws IOException {
    Path cache = home.resolve(".config/globus/tokens.json");
    Files.createDirectories(cache.getParent());
    Files.writeString(
        cache,
        "{\"auth.globus.org\": {\"access_token\": \"A\"}, \"timer\": {\"access_token\": \"T\"}}");
    Files.setPosixFilePermissions(
        cache, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    try (StubService stub = new StubService(200, "{\"jobs\":[]}")) {
      var result =
          cli.env("GLOBUS_TIMER_TOKEN", null).run("--service-url", stub.url(), "job", "list");
      assertThat(result.code()).as(result.toString()).isZero();
      assertThat(stub.seen().get(0).authorization()).isEqualTo("Bearer T");
    }
  }

  @Test
  void serviceUrlComesFromTheVariableThenTheConfigFile() throws IOException {
    try (StubService stub = new StubService(200, "{\"jobs\":[]}")) {
      var fromVariable = cli.env("TIMER_SERVICE_URL", stub.url()).run("job", "list");
      assertThat(fromVariable.code()).as(fromVariable.toString()).isZero();
      assertThat(fromVariable.out()).isEqualTo("No jobs.\n");
      Path config = home.resolve("config/globus-timer/config.properties");
      Files.createDirectories(config.getParent());
      Files.writeString(config, "service_url=" + stub.url() + "/\n");
      var fromFile = cli.env("TIMER_SERVICE_URL", null).run("job", "list", "-F", "unix");
      assertThat(fromFile.code()).as(fromFile.toString()).isZero();
      assertThat(stub.seen()).hasSize(2);
      assertThat(stub.seen().get(1).uri()).startsWith("/jobs/?result_count=1");
    }
  }

  @Test
  void deletingSeveralJobsGoesOnAfterAFailureAndExitsOne() throws IOException {
    try (StubService stub =
        new StubService(404, "{\"error\":{\"code\":\"not_found\",\"detail\":\"no such job\"}}")) {
      var result =
          cli.run(
              "--service-url",
              stub.url(),
              "job",
              "delete",
              JOB_ID,
              "4b5e8d8a-0000-4000-8000-000000000002");
      assertThat(result.code()).isEqualTo(1);
      assertThat(stub.seen()).hasSize(2);
      assertThat(result.err()).contains(JOB_ID + ": no such job (404)");
    }
  }

  @Test
  void transferToAServiceWithoutDiscoveryFallsBackToGlobusAndSaysSoWithVerbose()
      throws IOException {
    String job = "{\"job_id\":\"" + JOB_ID + "\",\"name\":\"x\",\"results\":{\"data\":[]}}";
    try (StubService stub = new StubService(201, job).status("/.well-known/globus-timer", 404)) {
      var result =
          cli.run(
              "--service-url",
              stub.url(),
              "job",
              "transfer",
              "-v",
              "--source-endpoint",
              "a",
              "--dest-endpoint",
              "b",
              "--item",
              "/a",
              "/b",
              "false",
              "--sync-level",
              "0");
      assertThat(result.code()).as(result.toString()).isZero();
      assertThat(result.err())
          .contains("no /.well-known/globus-timer")
          .contains("https://actions.automate.globus.org/transfer/transfer/run");
      assertThat(result.out()).contains("\"job_id\" : \"" + JOB_ID + "\"");
      StubService.Seen create = stub.seen().get(1);
      assertThat(create.method()).isEqualTo("POST");
      assertThat(create.uri()).isEqualTo("/jobs/");
      assertThat(create.body())
          .contains(
              "\"callback_url\":\"https://actions.automate.globus.org/transfer/transfer/run\"")
          .contains("\"sync_level\":0");
      assertThat(stub.seen().get(0).authorization()).as("discovery is unauthenticated").isNull();
    }
  }

  @Test
  void versionAndHelpWork() {
    var version = cli.run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("globus-timer ");
    for (String[] command :
        new String[][] {
          {"--help"},
          {"job", "--help"},
          {"job", "transfer", "--help"},
          {"job", "status", "--help"},
          {"endpoint", "create", "sftp", "--help"},
          {"session", "whoami", "--help"},
          {"server", "start", "--help"},
          {"completion", "--help"}
        }) {
      var help = cli.run(command);
      assertThat(help.code()).as(String.join(" ", command)).isZero();
      assertThat(help.out()).startsWith("Usage: globus-timer");
    }
  }

  @Test
  void completionScriptsForBashAndZsh() {
    var bash = cli.run("completion", "bash");
    assertThat(bash.code()).isZero();
    assertThat(bash.out()).contains("complete -F").contains("transfer");
    var zsh = cli.run("completion", "zsh");
    assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit");
  }
}
