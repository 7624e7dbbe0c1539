package org.globustimer.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.cli.CliRun;
import org.globustimer.cli.StubService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server status} says who manages the service: systemd or a plain start. */
class ServerStatusTest {

  @TempDir Path home;

  @Test
  void namesTheSystemdUnitTheServiceRecorded() throws Exception {
    try (StubService service = new StubService(200, "{\"status\": \"ok\"}")) {
      record(service, "\"systemd_unit\": \"globus-timer.service\"");
      CliRun.Result result = new CliRun(home).run("server", "status");
      assertThat(result.code()).as(result.toString()).isZero();
      assertThat(result.out()).containsPattern("Managed By: +systemd \\(globus-timer.service\\)");
    }
  }

  @Test
  void saysWhenSystemdDoesNotRunIt() throws Exception {
    try (StubService service = new StubService(200, "{\"status\": \"ok\"}")) {
      record(service, "\"systemd_unit\": null");
      CliRun.Result result = new CliRun(home).run("server", "status");
      assertThat(result.out()).as(result.toString()).containsPattern("Managed By: +not systemd");
    }
  }

  @Test
  void aStoppedServiceWithAnInstalledUnitSaysHowToStartIt() throws Exception {
    Path units = Files.createDirectories(home.resolve("config/systemd/user"));
    Files.writeString(units.resolve("globus-timer.service"), "[Service]\n");
    CliRun.Result result = new CliRun(home).run("server", "status");
    assertThat(result.code()).isEqualTo(ServerStatus.NOT_RUNNING);
    assertThat(result.out()).contains("systemctl --user start globus-timer");
  }

  /** The state file a running service writes, naming this (live) process as the service. */
  private void record(StubService service, String unitField) throws Exception {
    Path timerHome = Files.createDirectories(home.resolve("timer-home"));
    Files.writeString(
        timerHome.resolve("server.json"),
        "{\"pid\": "
            + ProcessHandle.current().pid()
            + ", \"url\": \""
            + service.url()
            + "\", \"node_id\": \"n1\", \"version\": \"0.1.0\", "
            + unitField
            + "}");
  }
}
