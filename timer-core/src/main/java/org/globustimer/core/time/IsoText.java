package org.globustimer.core.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The common shapes of ISO 8601 times read and written without {@link
 * java.time.format.DateTimeFormatter}, which costs several microseconds a call and is on the path
 * of every create and every document. Only what is certainly the formatter's answer is produced
 * here: anything else (another shape, an invalid value) is left to it, so its messages and rules
 * stay the only ones.
 */
final class IsoText {

  private IsoText() {}

  /**
   * {@code YYYY-MM-DDTHH:MM:SS[.f…]} followed by {@code Z} or {@code ±HH:MM}, or null when the text
   * has another shape or an invalid value.
   */
  static Instant parseOrNull(String text) {
    int n = text == null ? 0 : text.length();
    if (n < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int end = n;
    ZoneOffset offset;
    if (text.charAt(n - 1) == 'Z') {
      offset = ZoneOffset.UTC;
      end = n - 1;
    } else if (n >= 25 && text.charAt(n - 3) == ':' && isSign(text.charAt(n - 6))) {
      int hours = digits(text, n - 5, 2);
      int minutes = digits(text, n - 2, 2);
      if (hours < 0 || minutes < 0) {
        return null;
      }
      int sign = text.charAt(n - 6) == '-' ? -1 : 1;
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (DateTimeException e) {
        return null;
      }
      end = n - 6;
    } else {
      return null;
    }
    int nanos = 0;
    if (end > 19) {
      int fraction = end - 20;
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      nanos = digits(text, 20, fraction);
      if (nanos < 0) {
        return null;
      }
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    } else if (end != 19) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** What {@code ISO_OFFSET_DATE_TIME} prints for {@code instant} at UTC, years 0000 to 9999. */
  static String formatUtcOrNull(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return null;
    }
    StringBuilder out = new StringBuilder(32);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      int width = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        width--;
      }
      pad(out.append('.'), nanos, width);
    }
    return out.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  private static boolean isSign(char c) {
    return c == '+' || c == '-';
  }

  /** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
