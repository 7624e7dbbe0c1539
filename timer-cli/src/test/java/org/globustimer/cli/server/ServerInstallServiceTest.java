package org.globustimer.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.cli.CliRun;
import org.globustimer.cli.Environment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The units {@code server install-service} writes, checked by systemd's own verifier. */
class ServerInstallServiceTest {

  @TempDir Path home;
  Path java;
  Path serverJar;
  CliRun cli;

  @BeforeEach
  void setUp() throws IOException {
    // Stand-ins with the real layout's names: the verifier checks that ExecStart is executable.
    java = Files.createDirectories(home.resolve("opt/globus timer/runtime/bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    serverJar = Files.writeString(home.resolve("opt/globus timer/globus-timer-server.jar"), "");
    cli =
        new CliRun(home)
            .property(Environment.JAVA_PROPERTY, java.toString())
            .property(Environment.SERVER_JAR_PROPERTY, serverJar.toString());
  }

  @Test
  void aUserUnitRunsTheLocalServiceAndPassesVerification() throws Exception {
    Path unitDir = home.resolve("units");
    CliRun.Result result =
        cli.run("server", "install-service", "--unit-dir", unitDir.toString(), "--port", "8799");
    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out()).contains("systemctl --user daemon-reload").contains("enable-linger");

    String unit = Files.readString(unitDir.resolve("globus-timer.service"));
    Path timerHome = home.resolve("timer-home");
    assertThat(unit)
        .contains(
            "ExecStart=\""
                + java
                + "\" -Duser.home="
                + home
                + " -jar \""
                + serverJar
                + "\" --home "
                + timerHome
                + " --port 8799\n")
        .contains("Restart=on-failure\n")
        .contains("ProtectSystem=strict\n")
        .contains("ReadWritePaths=" + home + "\n")
        .contains("WantedBy=default.target\n")
        .doesNotContain("User=");
    assertThat(verify(true, unitDir.resolve("globus-timer.service"))).isEmpty();
  }

  @Test
  void aSystemUnitRunsAsItsOwnAccountInVarLib() throws Exception {
    CliRun.Result result =
        cli.run("server", "install-service", "--system", "--print", "--writable", "/srv/data");
    assertThat(result.code()).as(result.toString()).isZero();
    String unit = result.out();
    assertThat(unit)
        .contains("User=globus-timer\n")
        .contains("StateDirectory=globus-timer\n")
        .contains("--home /var/lib/globus-timer\n")
        .contains("-Duser.home=/var/lib/globus-timer ")
        .contains("ProtectHome=read-only\n")
        .contains("ReadWritePaths=/srv/data\n")
        .contains("Restart=on-failure\n")
        .contains("WantedBy=multi-user.target\n");
    Path file = Files.writeString(home.resolve("globus-timer.service"), unit);
    assertThat(verify(false, file)).isEmpty();
  }

  @Test
  void aRelativeWritablePathIsAUsageErrorAndWritesNothing() {
    Path unitDir = home.resolve("units");
    CliRun.Result result =
        cli.run(
            "server", "install-service", "--unit-dir", unitDir.toString(), "--writable", "data");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--writable needs an absolute path, not 'data'");
    assertThat(unitDir).doesNotExist();
  }

  @Test
  void percentAndDollarInPathsAreEscapedForSystemd() {
    assertThat(ServiceUnit.commandLine(List.of("/a b/java", "/x%y", "$HOME", "plain")))
        .isEqualTo("\"/a b/java\" /x%%y $$HOME plain");
  }

  /** What systemd-analyze verify complains about; empty when the unit is sound. */
  private String verify(boolean user, Path unit) throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
    List<String> command = new ArrayList<>(List.of(analyze.toString()));
    if (user) {
      command.add("--user");
    }
    command.addAll(List.of("verify", "--man=no", unit.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Path runtime = Files.createDirectories(home.resolve("run"));
    builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    return code == 0 ? output.strip() : "exit " + code + ": " + output;
  }
}
