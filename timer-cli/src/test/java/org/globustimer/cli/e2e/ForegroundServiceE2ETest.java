package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.globustimer.cli.CliRun;
import org.globustimer.cli.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server start --foreground} as the launcher runs it: the CLI checks the request and hands
 * back the service's command, which the launcher execs, so the foreground process is the service.
 * Here that command runs as a real process and is stopped by signal.
 */
class ForegroundServiceE2ETest {

  @TempDir Path home;
  CliRun cli;
  Path execFile;
  int port;
  final List<Process> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(
        Files.isRegularFile(ServerProcessE2ETest.SERVER_JAR), "the service jar is not built");
    execFile = home.resolve("exec");
    cli =
        new CliRun(home)
            .property(
                Environment.SERVER_JAR_PROPERTY,
                ServerProcessE2ETest.SERVER_JAR.toAbsolutePath().toString())
            .property(Environment.EXEC_FILE_PROPERTY, execFile.toString());
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
  }

  @AfterEach
  void stopWhatStarted() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void theForegroundServiceTakesEverySettingAndStopsCleanlyOnSigterm() throws Exception {
    CliRun.Result handed =
        cli.run(
            "server",
            "start",
            "--foreground",
            "--port",
            String.valueOf(port),
            "--lease-seconds",
            "7",
            "--min_interval_seconds=60",
            "--result-retention-days",
            "5");
    assertThat(handed.code()).as(handed.toString()).isZero();
    List<String> command = command();
    assertThat(String.join(" ", command))
        .contains("--port " + port)
        .contains("--lease_seconds 7")
        .contains("--min_interval_seconds 60")
        .contains("--result_retention_days 5");

    Process service = start(command);
    await().atMost(Duration.ofSeconds(60)).until(() -> healthy(port));
    List<ProcessHandle> family = new ArrayList<>(service.descendants().toList());
    family.add(service.toHandle());
    String discovery = get("/.well-known/globus-timer");
    assertThat(discovery).contains("\"minimum_interval_seconds\":60");
    // the service answers as soon as it listens, and writes where it listens just after
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(home.resolve("timer-home/server.json")));

    service.destroy(); // SIGTERM
    assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(service.exitValue()).as("a stop on SIGTERM is clean").isZero();
    assertThat(family).noneMatch(ProcessHandle::isAlive);
    assertThat(home.resolve("timer-home/server.json")).doesNotExist();
    assertThat(Files.readString(home.resolve("stderr-0")))
        .as("the stopping service gave back its claims")
        .doesNotContain("could not give back");
  }

  @Test
  void aStartThatFailsExitsNonZeroWithTheReasonOnStderr() throws Exception {
    assertThat(
            cli.run(
                    "server",
                    "start",
                    "--foreground",
                    "--port",
                    String.valueOf(port),
                    "--database-url",
                    "jdbc:nosuchdatabase:x")
                .code())
        .isZero();
    Process service = start(command());
    assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(service.exitValue()).isNotZero();
    String stderr = Files.readString(home.resolve("stderr-0"));
    assertThat(stderr).contains("cannot start").contains("jdbc:nosuchdatabase");

    Files.deleteIfExists(execFile);
    assertThat(cli.run("server", "start", "--foreground", "--no-such-setting", "1").code())
        .isZero();
    Process unknown = start(command());
    assertThat(unknown.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(unknown.exitValue()).isEqualTo(2);
    assertThat(Files.readString(home.resolve("stderr-1")))
        .contains("unknown option --no-such-setting");
  }

  @Test
  void malformedSettingsAreRefusedBeforeAnythingStarts() {
    CliRun.Result noValue = cli.run("server", "start", "--foreground", "--lease-seconds");
    assertThat(noValue.code()).isEqualTo(2);
    assertThat(noValue.err()).contains("--lease-seconds needs a value");
    CliRun.Result home = cli.run("server", "start", "--home", "/elsewhere");
    assertThat(home.code()).isEqualTo(2);
    assertThat(home.err()).contains("GLOBUS_TIMER_HOME");
    assertThat(execFile).doesNotExist();
  }

  @Test
  void aBackgroundStartWithABadSettingSaysWhy() {
    CliRun.Result result =
        cli.run("server", "start", "--port", String.valueOf(port), "--lease-seconds", "never");
    assertThat(result.code()).isNotZero();
    assertThat(result.err()).contains("lease_seconds");
  }

  private List<String> command() throws IOException {
    String text = Files.readString(execFile);
    return Arrays.asList(text.substring(0, text.length() - 1).split("\0"));
  }

  private Process start(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(home.resolve("stdout-" + started.size()).toFile())
            .redirectError(home.resolve("stderr-" + started.size()).toFile())
            .start();
    started.add(process);
    return process;
  }

  private static boolean healthy(int port) {
    try {
      return get(port, "/health").contains("\"ok\"");
    } catch (IOException e) {
      return false;
    }
  }

  private String get(String path) throws IOException {
    return get(port, path);
  }

  private static String get(int port, String path) throws IOException {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
