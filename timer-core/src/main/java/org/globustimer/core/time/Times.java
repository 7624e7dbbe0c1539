package org.globustimer.core.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Parsing and printing of instants the way timer users write them: {@code YYYY-MM-DD}, {@code
 * YYYY-MM-DDTHH:MM[:SS[.fff]]} with {@code T} or a space, optionally followed by {@code Z} or an
 * offset. A time without an offset is read in the given zone (the user's local time).
 */
public final class Times {

  private static final Pattern ACCEPTED =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?"
              + "(Z|z|[+-]\\d{2}(:?\\d{2})?)?");

  /** The years 0001 to 9999 of ISO 8601 without expansion, as clients' date types allow. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Times() {}

  /**
   * The instant itself when it lies in the years 0001 to 9999 (UTC); else an {@link
   * IllegalArgumentException} naming the text, since instants beyond that overflow the arithmetic
   * and the storage of times.
   */
  public static Instant inRange(Instant instant, String text) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "'" + text + "' is outside the years 0001 to 9999 (UTC) that times may take");
    }
    return instant;
  }

  /** Parses a user-written time; throws {@link IllegalArgumentException} saying what is wrong. */
  public static Instant parse(String text, ZoneId localZone) {
    String value = text == null ? "" : text.trim();
    if (!ACCEPTED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time; use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or"
              + " YYYY-MM-DDTHH:MM:SS+HH:MM (a space may replace T; no offset means local time)");
    }
    try {
      String normalized = value.replace(' ', 'T').replace('z', 'Z');
      if (normalized.length() == 10) {
        return LocalDate.parse(normalized).atStartOfDay(localZone).toInstant();
      }
      String offsetPart = offsetSuffix(normalized);
      String local = normalized.substring(0, normalized.length() - offsetPart.length());
      LocalDateTime dateTime = LocalDateTime.parse(local);
      if (offsetPart.isEmpty()) {
        return dateTime.atZone(localZone).toInstant();
      }
      return dateTime.atOffset(ZoneOffset.of(expandOffset(offsetPart))).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid date or time", e);
    }
  }

  /** Parses an RFC 3339 / ISO 8601 time with an offset, as the API requires. */
  public static Instant parseIso(String text) {
    Instant parsed = IsoText.parseOrNull(text);
    if (parsed != null) {
      return inRange(parsed, text);
    }
    try {
      return inRange(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO 8601 time with an offset, such as 2030-01-01T12:00:00Z");
    }
  }

  /**
   * A time in a request body: ISO 8601 with an offset, or without one meaning UTC, as the Timers
   * API has always read them.
   */
  public static Instant parseBodyTime(String text) {
    Instant parsed = IsoText.parseOrNull(text);
    if (parsed != null) {
      return inRange(parsed, text);
    }
    try {
      parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        parsed = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not an ISO 8601 time such as 2030-01-01T12:00:00+00:00");
      }
    }
    return inRange(parsed, text);
  }

  /** RFC 3339 in UTC with microseconds at most, the form every answer of the API uses. */
  public static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    String fast = IsoText.formatUtcOrNull(micros);
    return fast != null
        ? fast
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(micros.atOffset(ZoneOffset.UTC));
  }

  /** A time for people: local zone, seconds precision, with its offset. */
  public static String formatLocal(Instant instant, ZoneId zone) {
    if (instant == null) {
      return null;
    }
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
  }

  private static String offsetSuffix(String value) {
    if (value.endsWith("Z")) {
      return "Z";
    }
    int timeStart = value.indexOf('T');
    int sign = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
    return sign > timeStart ? value.substring(sign) : "";
  }

  private static String expandOffset(String offset) {
    if (offset.equals("Z")) {
      return offset;
    }
    if (offset.length() == 3) {
      return offset + ":00";
    }
    if (offset.length() == 5) {
      return offset.substring(0, 3) + ":" + offset.substring(3);
    }
    return offset;
  }
}
