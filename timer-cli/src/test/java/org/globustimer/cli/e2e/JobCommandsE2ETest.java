package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.globustimer.cli.CliRun;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobCommandsE2ETest extends LiveService {

  static final String LATER =
      java.time.Instant.now()
          .plus(Duration.ofDays(30))
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          .toString();

  FakeActionProvider provider;

  @BeforeEach
  void startProvider() {
    provider = new FakeActionProvider();
  }

  @AfterEach
  void stopProvider() {
    provider.close();
  }

  private String submit(String name, String... more) {
    String[] base = {
      "job",
      "submit",
      "--name",
      name,
      "--action-url",
      provider.runUrl(),
      "--action-body",
      "{\"body\": {\"hello\": \"world\"}}"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    CliRun.Result result = cli().run(args);
    assertThat(result.code()).as(result.toString()).isZero();
    return field(result.out(), "Job ID");
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void submitRunsTheActionAndStatusShowsTheResult() throws Exception {
    String jobId = submit("once-now", "--start", "2020-01-01");
    await().atMost(Duration.ofSeconds(20)).until(() -> !provider.submissions().isEmpty());
    assertThat(provider.submissions().get(0).request().path("body").path("hello").asText())
        .isEqualTo("world");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(field(cli().run("job", "status", jobId).out(), "Last Run Result"))
                    .isEqualTo("RUN COMPLETE"));
    CliRun.Result unix = cli().run("job", "status", "-F", "unix", jobId);
    assertThat(unix.out().split("\t")).startsWith(jobId, "once-now");
    assertThat(unix.out().split("\t")[3]).isEqualTo("SUCCEEDED");
    CliRun.Result verbose = cli().run("job", "status", "-v", jobId);
    assertThat(json(verbose.out()).path("job_id").asText()).isEqualTo(jobId);
  }

  @Test
  void listFormats() throws Exception {
    String jobId = submit("listed", "--interval", "1d", "--start", LATER);
    CliRun.Result text = cli().run("job", "list");
    assertThat(text.out().lines().findFirst().orElseThrow())
        .matches("Name +\\| Job ID +\\| Status +\\| Last Result");
    assertThat(text.out()).containsPattern("listed +\\| " + jobId + " \\| \\S+ +\\| NOT RUN");
    CliRun.Result unix = cli().run("-F", "unix", "job", "list");
    assertThat(unix.out().lines()).anyMatch(line -> line.startsWith(jobId + "\tlisted\t"));
    assertThat(unix.out()).doesNotContain("Job ID");
    CliRun.Result jsonList = cli().run("job", "list", "--format", "json");
    assertThat(json(jsonList.out()).path("jobs").isArray()).isTrue();
    CliRun.Result filtered = cli().run("job", "list", "--filter-name", "no-such-name");
    assertThat(filtered.out()).isEqualTo("No jobs.\n");
  }

  @Test
  void statusAllPagesThroughEveryResult() {
    String jobId = submit("busy", "--interval", "1", "--stop-after-runs", "5");
    await().atMost(Duration.ofSeconds(30)).until(() -> provider.submissions().size() >= 5);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              CliRun.Result all =
                  cli().run("job", "status", "--all", "--page-size", "2", "-F", "unix", jobId);
              assertThat(all.code()).as(all.toString()).isZero();
              assertThat(all.out().lines()).hasSize(5);
            });
    CliRun.Result text = cli().run("job", "status", "--all", "--page-size", "2", jobId);
    assertThat(text.out()).contains("Ran At").contains("Last Run Result:");
  }

  @Test
  void historyShowsEveryRunNewestFirstAndStatusSaysWhyTheLastFailed() {
    String jobId = submit("flaky", "--interval", "1", "--stop-after-runs", "3");
    await().atMost(Duration.ofSeconds(30)).until(() -> provider.submissions().size() >= 2);
    provider.refuseWith = 400;
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(field(cli().run("job", "status", jobId).out(), "Last Run Result"))
                    .isEqualTo("FAILURE"));
    CliRun.Result status = cli().run("job", "status", jobId);
    assertThat(field(status.out(), "Failure Reason"))
        .contains("refused the request (400)")
        .contains("refused by the fake provider")
        .doesNotContain("\n");

    CliRun.Result history = cli().run("job", "history", jobId);
    assertThat(history.code()).as(history.toString()).isZero();
    java.util.List<String> lines = history.out().lines().toList();
    assertThat(lines.getFirst()).contains("Ran At").contains("Took").contains("Result");
    assertThat(lines).hasSize(1 + 3 + 1);
    assertThat(lines.get(2)).contains("FAILURE").contains("400").contains("refused");
    assertThat(lines.get(3)).contains("RUN COMPLETE").contains("#");
    assertThat(lines.get(4)).contains("RUN COMPLETE");

    CliRun.Result unix = cli().run("job", "history", "-F", "unix", "--limit", "2", jobId);
    assertThat(unix.out().lines()).hasSize(2);
    assertThat(unix.out().lines().findFirst().orElseThrow().split("\t")[2]).isEqualTo("FAILED");
    CliRun.Result bad = cli().run("job", "history", "--limit", "0", jobId);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--limit must be at least 1");
  }

  @Test
  void pauseResumeUpdateAndDelete() {
    String jobId = submit("changing", "--interval", "1h", "--start", LATER);

    CliRun.Result paused = cli().run("job", "pause", jobId);
    assertThat(paused.code()).as(paused.toString()).isZero();
    assertThat(paused.out()).isNotBlank();

    CliRun.Result resumed = cli().run("job", "resume", "--wait-for-next", jobId);
    assertThat(resumed.code()).as(resumed.toString()).isZero();
    CliRun.Result again = cli().run("job", "resume", "--update-credentials", jobId);
    assertThat(again.code()).isIn(0, 1);

    CliRun.Result updated =
        cli()
            .run(
                "job",
                "update",
                jobId,
                "--name",
                "renamed",
                "--interval",
                "2h",
                "--stop-after-runs",
                "3");
    assertThat(updated.code()).as(updated.toString()).isZero();
    assertThat(field(updated.out(), "Name")).isEqualTo("renamed");
    assertThat(field(updated.out(), "Interval")).isEqualTo("2h (7200 s)");

    CliRun.Result nothing = cli().run("job", "update", jobId);
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("nothing to change");

    CliRun.Result deleted = cli().run("job", "delete", jobId);
    assertThat(deleted.code()).as(deleted.toString()).isZero();
    assertThat(field(deleted.out(), "Job ID")).isEqualTo(jobId);
    JsonNode after = new Api(service.url(), service.token()).get("/jobs/" + jobId).body();
    assertThat(after.path("status").asText()).isIn("deleted", "delete_in_progress");
  }

  @Test
  void watchFollowsARunUntilItSucceeds() {
    provider.actionDuration = Duration.ofSeconds(2);
    String jobId = submit("watched", "--interval", "1h");
    CliRun.Result watched =
        cli().run("job", "status", "--watch", "--poll-interval", "PT0.2S", jobId);
    assertThat(watched.code()).as(watched.toString()).isZero();
    assertThat(watched.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("RUN COMPLETE");
  }

  @Test
  void unknownJobIsOneLineAndExitOne() {
    CliRun.Result result = cli().run("job", "status", "00000000-0000-4000-8000-000000000000");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).startsWith("globus-timer: error: ").contains("(404)");
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void serviceValidationErrorsAreShownWithTheirField() {
    CliRun.Result result =
        cli()
            .run(
                "job",
                "submit",
                "--start",
                "2099-01-01",
                "--action-url",
                provider.runUrl(),
                "--action-body",
                "{\"body\": {}}");
    assertThat(result.code()).as(result.toString()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("globus-timer: error: ")
        .contains("start")
        .contains("(422)");
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void aRefusedTokenSaysWhatToDo() {
    CliRun.Result result = cli().env("GLOBUS_TIMER_TOKEN", "not-the-token").run("job", "list");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("GLOBUS_TIMER_TOKEN").contains("(401)");
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void aMissingTokenSaysWhatToDo() {
    CliRun.Result result = cli().env("GLOBUS_TIMER_TOKEN", null).run("job", "list");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("no token for " + service.url());
  }

  @Test
  void actionFileIsReadLikeTheBody() throws Exception {
    Path file = Files.writeString(scratch.resolve("body.json"), "{\"body\": {\"from\": \"file\"}}");
    CliRun.Result result =
        cli()
            .run(
                "job",
                "submit",
                "--name",
                "from-file",
                "--action-url",
                provider.runUrl(),
                "--action-file",
                file.toString());
    assertThat(result.code()).as(result.toString()).isZero();
    await().atMost(Duration.ofSeconds(20)).until(() -> !provider.submissions().isEmpty());
    assertThat(provider.submissions().get(0).request().path("body").path("from").asText())
        .isEqualTo("file");
  }
}
