package org.globustimer.core.cron;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** A cron schedule in words, for people: "at 02:00 Europe/Berlin, every day". */
public final class CronDescription {

  private CronDescription() {}

  public static String describe(CronSchedule schedule) {
    CronExpression cron = schedule.cron();
    String days = CalendarWords.days(cron) + CalendarWords.months(cron.months());
    List<String> clock = clockTimes(cron);
    if (clock != null) {
      return "at " + ValueWords.joined(clock) + " " + schedule.zone() + ", " + days;
    }
    return times(cron) + ", " + days + ", " + schedule.zone() + " time";
  }

  /** "02:00" style times when second, minute and a few hours are each fixed; else null. */
  private static List<String> clockTimes(CronExpression cron) {
    BitSet hours = cron.hours();
    if (cron.seconds().cardinality() != 1 || cron.minutes().cardinality() != 1) {
      return null;
    }
    if (hours.cardinality() > 6) {
      return null;
    }
    int second = cron.seconds().nextSetBit(0);
    int minute = cron.minutes().nextSetBit(0);
    List<String> times = new ArrayList<>();
    for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
      times.add(
          second == 0
              ? String.format("%02d:%02d", h, minute)
              : String.format("%02d:%02d:%02d", h, minute, second));
    }
    return times;
  }

  private static String times(CronExpression cron) {
    BitSet seconds = cron.seconds();
    BitSet minutes = cron.minutes();
    BitSet hours = cron.hours();
    List<String> parts = new ArrayList<>();
    boolean everySecondOfMinute = seconds.cardinality() == 60;
    if (!(seconds.cardinality() == 1 && seconds.get(0))) {
      parts.add(ValueWords.set(seconds, 0, 59, "second", "seconds", Integer::toString));
    }
    if (minutes.cardinality() == 60) {
      if (parts.isEmpty()) {
        parts.add("every minute");
      }
    } else {
      parts.add(
          (everySecondOfMinute ? "during " : "")
              + ValueWords.set(minutes, 0, 59, "minute", "minutes", Integer::toString));
    }
    if (hours.cardinality() == 24) {
      if (minutes.cardinality() == 1 && seconds.cardinality() == 1) {
        parts.add("of every hour");
      }
    } else {
      parts.add(
          "during " + ValueWords.set(hours, 0, 23, "hour", "hours", h -> String.format("%02d", h)));
    }
    return String.join(" ", parts);
  }
}
