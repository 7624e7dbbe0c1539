package org.globustimer.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;

/** What to run after {@code server install-service} wrote a unit, for a system or a user unit. */
record NextSteps(boolean system, String account, Path serviceHome) {

  void print(PrintWriter out) {
    String name = UnitFiles.DEFAULT_NAME;
    if (system) {
      out.println("Create its account (once), then start it now and at every boot:");
      out.println(
          "  useradd --system --home-dir " + serviceHome + " --shell /usr/sbin/nologin " + account);
      out.println("  systemctl daemon-reload && systemctl enable --now " + name);
      out.println("Settings: " + serviceHome.resolve("config.properties") + " (see the README).");
    } else {
      out.println("Start it now and at every login (stop a service from 'server start' first):");
      out.println("  systemctl --user daemon-reload && systemctl --user enable --now " + name);
      out.println("Keep it running without a login, across reboots:");
      out.println("  loginctl enable-linger $USER");
    }
    out.println(
        "An endpoint root outside the writable paths needs --writable DIR and a reinstall.");
  }
}
