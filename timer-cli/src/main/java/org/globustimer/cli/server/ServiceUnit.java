package org.globustimer.cli.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A systemd service unit for the timer service. A user unit runs the embedded default for one user,
 * with the user's home as its local endpoints' root; a system unit runs a shared service as its own
 * account with its data in {@code /var/lib/globus-timer}. Both restart on failure and run
 * sandboxed: the file system is read-only but for the service's home and the endpoint roots that
 * transfers write to.
 */
record ServiceUnit(
    boolean system,
    List<String> command,
    Path home,
    Path userHome,
    String account,
    List<Path> writable) {

  String render() {
    StringBuilder unit = new StringBuilder();
    unit.append("[Unit]\n");
    unit.append("Description=globus-timer service: timers and file transfers\n");
    unit.append("Documentation=man:globus-timer-server-install-service(1)\n");
    if (system) {
      unit.append("After=network-online.target\nWants=network-online.target\n");
    }
    unit.append("\n[Service]\n");
    unit.append("Type=exec\n");
    if (system) {
      unit.append("User=").append(account).append('\n');
      unit.append("Group=").append(account).append('\n');
      if (home.equals(UnitFiles.SYSTEM_HOME)) {
        unit.append("StateDirectory=globus-timer\nStateDirectoryMode=0750\n");
      }
      unit.append("UMask=0027\n");
    }
    unit.append("ExecStart=").append(commandLine(command)).append('\n');
    // SIGTERM stops the service cleanly with exit 0; anything else is a failure worth a restart.
    unit.append("Restart=on-failure\nRestartSec=5s\nTimeoutStopSec=45s\n");
    unit.append("\n# Sandbox: all but the service's home and the transfer roots is read-only.\n");
    unit.append("NoNewPrivileges=yes\nProtectSystem=strict\nPrivateTmp=yes\n");
    if (system) {
      unit.append("ProtectHome=read-only\nPrivateDevices=yes\n");
      unit.append(
          "ProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectControlGroups=yes\n");
      unit.append("RestrictSUIDSGID=yes\nLockPersonality=yes\n");
      unit.append("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\n");
    }
    Set<Path> paths = new LinkedHashSet<>();
    if (!system) {
      paths.add(userHome);
    }
    if (!system || !home.equals(UnitFiles.SYSTEM_HOME)) {
      paths.add(home);
    }
    paths.addAll(writable);
    List<String> words = new ArrayList<>();
    paths.stream()
        .filter(p -> paths.stream().noneMatch(other -> !other.equals(p) && p.startsWith(other)))
        .forEach(p -> words.add(p.toString()));
    if (!words.isEmpty()) {
      unit.append("ReadWritePaths=").append(commandLine(words)).append('\n');
    }
    unit.append("\n[Install]\n");
    unit.append("WantedBy=").append(system ? "multi-user.target" : "default.target").append('\n');
    return unit.toString();
  }

  /** Words as systemd reads them: quoted where needed, with % and $ escaped. */
  static String commandLine(List<String> words) {
    StringJoiner line = new StringJoiner(" ");
    for (String word : words) {
      String escaped = word.replace("%", "%%").replace("$", "$$");
      if (escaped.isEmpty() || escaped.matches(".*[\\s\"'\\\\;].*")) {
        escaped = '"' + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
      }
      line.add(escaped);
    }
    return line.toString();
  }
}
