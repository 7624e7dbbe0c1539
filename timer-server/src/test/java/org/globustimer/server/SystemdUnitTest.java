package org.globustimer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUnitTest {

  @TempDir Path dir;

  @Test
  void readsTheSystemServiceFromTheCgroupPath() {
    assertThat(SystemdUnit.unitIn("0::/system.slice/globus-timer.service\n"))
        .contains("globus-timer.service");
  }

  @Test
  void readsAUserServiceBelowTheUserManager() {
    assertThat(
            SystemdUnit.unitIn(
                "0::/user.slice/user-1000.slice/user@1000.service/app.slice/globus-timer.service"))
        .contains("globus-timer.service");
  }

  @Test
  void aLoginSessionIsNoService() {
    assertThat(SystemdUnit.unitIn("0::/user.slice/user-1000.slice/session-3.scope")).isEmpty();
  }

  @Test
  void withoutAnInvocationIdSystemdDidNotStartIt() throws Exception {
    Path cgroup = Files.writeString(dir.resolve("cgroup"), "0::/system.slice/x.service\n");
    assertThat(SystemdUnit.of(Map.of(), cgroup)).isEmpty();
    assertThat(SystemdUnit.of(Map.of("INVOCATION_ID", "0f1e"), cgroup)).contains("x.service");
  }
}
