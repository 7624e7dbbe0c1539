package org.globustimer.core.build;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version, {@code MAJOR.MINOR.PATCH} with an optional qualifier such as {@code
 * -SNAPSHOT}. Text that is not such a version (a build without metadata) is kept but compares as
 * unknown.
 */
public record Version(String text, int major, int minor, int patch) {

  private static final Pattern SHAPE = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-+].*)?");
  private static final int UNKNOWN = -1;

  public static Version parse(String text) {
    String stripped = text == null ? "" : text.strip();
    Matcher m = SHAPE.matcher(stripped);
    if (!m.matches()) {
      return new Version(stripped.isEmpty() ? "unknown" : stripped, UNKNOWN, UNKNOWN, UNKNOWN);
    }
    int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return new Version(stripped, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
  }

  public boolean known() {
    return major != UNKNOWN;
  }

  /**
   * Whether two releases are far enough apart that one may lack what the other relies on: another
   * major version, or two or more minor versions apart (each release keeps working with the one
   * before and after it). Unknown versions are never far apart: there is nothing to say.
   */
  public boolean farFrom(Version other) {
    if (!known() || !other.known()) {
      return false;
    }
    return major != other.major || Math.abs(minor - other.minor) >= 2;
  }

  public boolean newerThan(Version other) {
    if (major != other.major) {
      return major > other.major;
    }
    if (minor != other.minor) {
      return minor > other.minor;
    }
    return patch > other.patch;
  }

  @Override
  public String toString() {
    return text;
  }
}
