package org.globustimer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.globustimer.core.build.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionOptionTest {

  @TempDir Path home;

  @Test
  void printsVersionCommitAndBuildDate() {
    CliRun.Result result = new CliRun(home).run("--version");
    assertThat(result.code()).as(result.toString()).isZero();
    BuildInfo build = BuildInfo.current();
    assertThat(result.out())
        .startsWith("globus-timer " + build.version() + " (commit " + build.commit() + ", built ")
        .contains(build.builtAt())
        .contains("Java " + Runtime.version());
  }
}
