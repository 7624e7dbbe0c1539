package org.globustimer.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import org.globustimer.core.time.Times;

/** Small conversions of service values into words for people. */
public final class Texts {

  private Texts() {}

  /** A field's text, or null when it is missing or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  /** A service time shown in the local zone with its offset; unreadable times shown as sent. */
  public static String localTime(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Times.formatLocal(Times.parseIso(iso), ZoneId.systemDefault());
    } catch (IllegalArgumentException e) {
      return iso;
    }
  }

  /** {@code 28800} becomes {@code 8h (28800 s)}. */
  public static String interval(JsonNode seconds) {
    if (seconds == null || seconds.isNull() || seconds.isMissingNode()) {
      return "none (runs once)";
    }
    long total = seconds.asLong();
    return duration(total) + " (" + total + " s)";
  }

  public static String duration(long total) {
    long[] units = {7 * 86_400L, 86_400L, 3_600L, 60L, 1L};
    String[] names = {"w", "d", "h", "m", "s"};
    StringBuilder text = new StringBuilder();
    long rest = total;
    for (int i = 0; i < units.length; i++) {
      if (rest >= units[i]) {
        text.append(text.isEmpty() ? "" : " ").append(rest / units[i]).append(names[i]);
        rest %= units[i];
      }
    }
    return text.isEmpty() ? "0s" : text.toString();
  }

  /** Bytes with a binary unit: {@code 1536} becomes {@code 1.5 KiB}. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
