package org.globustimer.cli.session;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.globustimer.cli.Environment;

/**
 * Opens a URL in the user's browser: the command in {@code $BROWSER} (as Python's webbrowser and
 * many tools honour it), else {@code open} on macOS or {@code xdg-open} under a desktop session.
 */
final class Browser {

  private Browser() {}

  /** The command that would open a URL, or null when no browser is available. */
  static List<String> command(Environment env) {
    String configured = env.variable("BROWSER");
    if (configured != null) {
      return configured.equalsIgnoreCase("none")
          ? null
          : new ArrayList<>(Arrays.asList(configured.trim().split("\\s+")));
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return new ArrayList<>(List.of("open"));
    }
    if (env.variable("DISPLAY") != null || env.variable("WAYLAND_DISPLAY") != null) {
      return new ArrayList<>(List.of("xdg-open"));
    }
    return null;
  }

  /** True when the browser command started. */
  static boolean open(List<String> command, URI url) {
    List<String> full = new ArrayList<>(command);
    full.add(url.toString());
    try {
      new ProcessBuilder(full)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
