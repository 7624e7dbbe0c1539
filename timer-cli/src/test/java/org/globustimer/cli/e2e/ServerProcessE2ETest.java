package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.cli.CliRun;
import org.globustimer.cli.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local service as a separate process, managed by {@code server start|stop|status|token} and
 * started on first use. Needs the service jar ({@code mvn -pl timer-server -am package}).
 */
class ServerProcessE2ETest {

  static final Path SERVER_JAR = Path.of("../timer-server/target/globus-timer-server.jar");

  @TempDir Path home;
  CliRun cli;
  Path timerHome;
  int port;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(Files.isRegularFile(SERVER_JAR), "the service jar is not built");
    cli =
        new CliRun(home)
            .property(Environment.SERVER_JAR_PROPERTY, SERVER_JAR.toAbsolutePath().toString());
    timerHome = home.resolve("timer-home");
    Files.createDirectories(timerHome);
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.writeString(timerHome.resolve("config.properties"), "port=" + port + "\n");
  }

  @AfterEach
  void stopWhateverRuns() {
    if (cli != null) {
      cli.run("server", "stop");
    }
  }

  @Test
  void startStatusTokenAndStop() throws IOException {
    CliRun.Result before = cli.run("server", "status");
    assertThat(before.code()).isEqualTo(3);
    assertThat(before.out()).contains("not running");

    CliRun.Result started = cli.run("server", "start");
    assertThat(started.code()).as(started.toString()).isZero();
    assertThat(started.out()).contains("Started the local service at http://127.0.0.1:" + port);
    assertThat(timerHome.resolve("server.json")).exists();

    CliRun.Result again = cli.run("server", "start");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("already running");

    CliRun.Result status = cli.run("server", "status");
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out())
        .contains("running")
        .contains("http://127.0.0.1:" + port)
        .contains("\"status\" : \"ok\"")
        .contains("Nodes:")
        .contains("claims");

    CliRun.Result token = cli.run("server", "token");
    assertThat(token.out().strip()).isEqualTo(Files.readString(timerHome.resolve("token")).strip());

    CliRun.Result list = cli.run("job", "list");
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(list.err()).isEmpty();

    CliRun.Result whoami = cli.run("session", "whoami", "--format", "full");
    assertThat(whoami.out()).contains("local service's token");

    CliRun.Result viaUrl =
        cli.env("TIMER_SERVICE_URL", "http://127.0.0.1:" + port).run("job", "list");
    assertThat(viaUrl.code()).as("the local token is used for the local URL").isZero();
    cli.env("TIMER_SERVICE_URL", null);

    CliRun.Result stopped = cli.run("server", "stop");
    assertThat(stopped.code()).isZero();
    assertThat(stopped.out()).contains("Stopped");
    assertThat(timerHome.resolve("server.json")).doesNotExist();
    assertThat(cli.run("server", "status").code()).isEqualTo(3);
    assertThat(cli.run("server", "stop").out()).contains("not running");
  }

  @Test
  void theLocalServiceStartsOnFirstUseAndSaysSoOnce() {
    CliRun.Result first = cli.run("job", "list");
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).isEqualTo("No jobs.\n");
    assertThat(first.err().lines()).hasSize(1);
    assertThat(first.err())
        .startsWith("globus-timer: started the local service at http://127.0.0.1:" + port)
        .contains("server.log");

    CliRun.Result second = cli.run("job", "list");
    assertThat(second.err()).isEmpty();
  }

  @Test
  void aBackupOfTheRunningServiceIsAWholeSqliteDatabase() throws IOException {
    assertThat(cli.run("server", "start").code()).isZero();
    Path database = timerHome.resolve("db/timers.db");
    assertThat(Files.readString(database, java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("SQLite format 3");
    Path copy = home.resolve("copy.db");

    CliRun.Result backup = cli.run("server", "backup", copy.toString());
    assertThat(backup.code()).as(backup.toString()).isZero();
    assertThat(backup.out()).contains("backed up").contains(copy.toString());
    assertThat(Files.readString(copy, java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("SQLite format 3");

    CliRun.Result again = cli.run("server", "backup", copy.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("exists already").doesNotContain("Exception");
  }

  @Test
  void aStaleRecordIsIgnored() throws IOException {
    Files.writeString(
        timerHome.resolve("server.json"),
        "{\"pid\": 999999999, \"url\": \"http://127.0.0.1:" + port + "\", \"port\": " + port + "}");
    CliRun.Result status = cli.run("server", "status");
    assertThat(status.code()).isEqualTo(3);
    assertThat(timerHome.resolve("server.json")).doesNotExist();
  }

  @Test
  void aRemoteServiceIsNeverStarted() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    CliRun.Result result =
        cli.env("TIMER_SERVICE_URL", "http://127.0.0.1:" + closed).run("job", "list");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("cannot reach").doesNotContain("started");
    assertThat(timerHome.resolve("server.json")).doesNotExist();
  }
}
