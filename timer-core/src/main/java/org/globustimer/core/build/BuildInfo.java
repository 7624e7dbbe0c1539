package org.globustimer.core.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which release this is: its version, the commit it was built from and when it was built, as the
 * build wrote them into the jar. A build outside a git checkout has the commit {@code unknown}.
 */
public record BuildInfo(Version version, String commit, String builtAt) {

  /** The response header in which the service names its release, so clients notice skew. */
  public static final String VERSION_HEADER = "Globus-Timer-Version";

  private static final BuildInfo CURRENT = read();

  public static BuildInfo current() {
    return CURRENT;
  }

  /**
   * One line for {@code --version}: {@code 0.1.0 (commit 33bfaf6a1b2c, built 2026-12-01T19:40Z)}.
   */
  public String describe() {
    return version + " (commit " + commit + ", built " + builtAt + ")";
  }

  private static BuildInfo read() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
      if (in == null) {
        throw new IllegalStateException("build-info.properties is missing from the build");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        Version.parse(filled(p.getProperty("version"))),
        filled(p.getProperty("commit")),
        filled(p.getProperty("built_at")));
  }

  /** A placeholder the build could not fill (no git checkout) reads as unknown. */
  private static String filled(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
  }
}
