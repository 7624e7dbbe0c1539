package org.globustimer.core.cron;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesException;
import java.time.zone.ZoneRulesProvider;
import java.util.Comparator;
import java.util.Locale;

/** Time zone names as users write them, and their rules as they are right now. */
public final class Zones {

  private Zones() {}

  /**
   * The canonical id of an IANA zone name (or {@code UTC}, or a fixed offset such as {@code
   * +05:30}); throws {@link CronSyntaxException} naming the closest known zone when it is unknown.
   */
  public static String parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw new CronSyntaxException(
          value, 0, "the time zone is empty; use an IANA name such as Europe/Berlin or UTC");
    }
    try {
      return ZoneId.of(value).getId();
    } catch (DateTimeException e) {
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(value)) {
          return id;
        }
      }
      throw new CronSyntaxException(
          value,
          0,
          "'"
              + value
              + "' is not a known time zone"
              + closest(value)
              + "; use an IANA name such as Europe/Berlin, America/New_York or UTC");
    }
  }

  /**
   * The zone's rules read now, not the ones cached when the zone was first named, so a tzdata
   * update that the rules provider picks up applies to the next computation.
   */
  public static ZoneRules currentRules(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    if (zone instanceof ZoneOffset offset) {
      return offset.getRules();
    }
    try {
      return ZoneRulesProvider.getRules(zone.getId(), false);
    } catch (ZoneRulesException notFromProvider) {
      return zone.getRules(); // ids like UTC+01:00 are fixed offsets that no provider lists
    }
  }

  private static String closest(String value) {
    String wanted = value.toLowerCase(Locale.ROOT);
    return ZoneId.getAvailableZoneIds().stream()
        .min(Comparator.comparingInt(id -> distance(wanted, id.toLowerCase(Locale.ROOT))))
        .filter(
            id -> distance(wanted, id.toLowerCase(Locale.ROOT)) <= Math.max(2, wanted.length() / 4))
        .map(id -> " (did you mean " + id + "?)")
        .orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
