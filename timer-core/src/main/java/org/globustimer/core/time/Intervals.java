package org.globustimer.core.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads intervals as timer users write them: plain seconds ({@code 600}) or units ({@code 1w 2d 3h
 * 4m 5s}, spaces optional, each unit at most once, in that order). Anything else is refused.
 */
public final class Intervals {

  private static final Pattern SECONDS = Pattern.compile("\\d+");
  private static final Pattern UNITS =
      Pattern.compile(
          "(?:(\\d+)\\s*w)?\\s*(?:(\\d+)\\s*d)?\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?",
          Pattern.CASE_INSENSITIVE);
  private static final long[] UNIT_SECONDS = {7 * 86_400L, 86_400L, 3_600L, 60L, 1L};

  private Intervals() {}

  public static Duration parse(String text) {
    String value = text == null ? "" : text.trim();
    long seconds;
    if (SECONDS.matcher(value).matches()) {
      seconds = parseLong(value, text);
    } else {
      Matcher units = UNITS.matcher(value);
      if (value.isEmpty() || !units.matches()) {
        throw invalid(text);
      }
      seconds = 0;
      for (int group = 1; group <= 5; group++) {
        if (units.group(group) != null) {
          seconds =
              Math.addExact(seconds, parseLong(units.group(group), text) * UNIT_SECONDS[group - 1]);
        }
      }
    }
    if (seconds <= 0) {
      throw new IllegalArgumentException(
          "interval '" + text + "' must be greater than zero seconds");
    }
    return Duration.ofSeconds(seconds);
  }

  private static long parseLong(String digits, String original) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw invalid(original);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not an interval; give seconds (600) or units such as '1w 2d 3h 4m 5s'");
  }
}
