package org.globustimer.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which systemd unit runs this process, if any. systemd gives every service it starts an {@code
 * INVOCATION_ID}; the unit's name is the last {@code .service} in the process's cgroup path.
 */
final class SystemdUnit {

  private SystemdUnit() {}

  static Optional<String> current() {
    return of(System.getenv(), Path.of("/proc/self/cgroup"));
  }

  static Optional<String> of(Map<String, String> environment, Path cgroupFile) {
    String invocation = environment.get("INVOCATION_ID");
    if (invocation == null || invocation.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(unitIn(Files.readString(cgroupFile)).orElse("unknown unit"));
    } catch (IOException e) {
      return Optional.of("unknown unit");
    }
  }

  /**
   * The service unit in {@code /proc/<pid>/cgroup} text, e.g. {@code 0::/system.slice/x.service}.
   */
  static Optional<String> unitIn(String cgroups) {
    String unit = null;
    for (String line : cgroups.split("\n")) {
      String path = line.substring(line.lastIndexOf(':') + 1);
      for (String part : path.split("/")) {
        if (part.endsWith(".service") && !part.startsWith("user@")) {
          unit = part;
        }
      }
    }
    return Optional.ofNullable(unit);
  }
}
