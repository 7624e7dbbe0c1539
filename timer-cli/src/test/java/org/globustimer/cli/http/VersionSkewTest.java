package org.globustimer.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.globustimer.cli.CliRun;
import org.globustimer.cli.StubService;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.core.build.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionSkewTest {

  @TempDir Path home;

  @Test
  void warnsOnceAboutAFarNewerService() throws Exception {
    try (StubService service =
        new StubService(200, "{\"jobs\": []}").header(BuildInfo.VERSION_HEADER, "99.0.0")) {
      CliRun cli = new CliRun(home).env("GLOBUS_TIMER_TOKEN", "t0k3n");
      CliRun.Result first = cli.run("--service-url", service.url(), "job", "list");
      assertThat(first.code()).as(first.toString()).isZero();
      assertThat(first.err())
          .contains("warning: the service at " + service.url() + " runs globus-timer 99.0.0")
          .contains("much newer than this command (" + BuildInfo.current().version() + ")");

      CliRun.Result second = cli.run("--service-url", service.url(), "job", "list");
      assertThat(second.code()).as(second.toString()).isZero();
      assertThat(second.err()).doesNotContain("warning");
    }
  }

  @Test
  void saysNothingWhenTheServiceIsTheSameRelease() throws Exception {
    try (StubService service =
        new StubService(200, "{\"jobs\": []}")
            .header(BuildInfo.VERSION_HEADER, BuildInfo.current().version().toString())) {
      CliRun.Result result =
          new CliRun(home)
              .env("GLOBUS_TIMER_TOKEN", "t0k3n")
              .run("--service-url", service.url(), "job", "list");
      assertThat(result.err()).as(result.toString()).isEmpty();
    }
  }

  @Test
  void aFarOlderServiceIsToldApartFromANewerOne() {
    StringWriter err = new StringWriter();
    VersionSkew skew =
        new VersionSkew(
            new PrintWriter(err), home.resolve("state/notices"), Version.parse("3.1.0"));
    skew.observe(URI.create("https://timer.example.org"), headers("2.9.0"));
    assertThat(err.toString())
        .contains("runs globus-timer 2.9.0, much older than this command (3.1.0)")
        .contains("until it is upgraded");
  }

  @Test
  void aNeighbouringReleaseIsNoReasonToWarn() {
    StringWriter err = new StringWriter();
    VersionSkew skew =
        new VersionSkew(
            new PrintWriter(err), home.resolve("state/notices"), Version.parse("3.1.0"));
    skew.observe(URI.create("https://timer.example.org"), headers("3.2.4"));
    assertThat(err.toString()).isEmpty();
  }

  private static Optional<String> headers(String version) {
    return Optional.of(version);
  }
}
