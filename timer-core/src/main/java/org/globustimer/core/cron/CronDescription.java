package org.globustimer.core.cron;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** A cron schedule in words, for people: "at 02:00 Europe/Berlin, every day". */
public final class CronDescription {

  private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth"};

  private CronDescription() {}

  public static String describe(CronSchedule schedule) {
    CronExpression cron = schedule.cron();
    String days = days(cron) + months(cron.months());
    List<String> clock = clockTimes(cron);
    if (clock != null) {
      return "at " + joined(clock) + " " + schedule.zone() + ", " + days;
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
      parts.add(set(seconds, 0, 59, "second", "seconds", Integer::toString));
    }
    if (minutes.cardinality() == 60) {
      if (parts.isEmpty()) {
        parts.add("every minute");
      }
    } else {
      parts.add(
          (everySecondOfMinute ? "during " : "")
              + set(minutes, 0, 59, "minute", "minutes", Integer::toString));
    }
    if (hours.cardinality() == 24) {
      if (minutes.cardinality() == 1 && seconds.cardinality() == 1) {
        parts.add("of every hour");
      }
    } else {
      parts.add("during " + set(hours, 0, 23, "hour", "hours", h -> String.format("%02d", h)));
    }
    return String.join(" ", parts);
  }

  private static String days(CronExpression cron) {
    DayField dom = cron.daysOfMonth();
    DayField dow = cron.daysOfWeek();
    if (!dom.restricted() && !dow.restricted()) {
      return "every day";
    }
    List<String> either = new ArrayList<>();
    if (dom.restricted()) {
      either.add(daysOfMonth(dom));
    }
    if (dow.restricted()) {
      either.add(daysOfWeek(dow));
    }
    return String.join(" or ", either);
  }

  private static String daysOfMonth(DayField dom) {
    List<String> phrases = new ArrayList<>();
    if (!dom.values().isEmpty()) {
      phrases.add(
          "on " + set(dom.values(), 1, 31, "day", "days", Integer::toString) + " of the month");
    }
    for (DaySpecial special : dom.specials()) {
      phrases.add(
          switch (special) {
            case DaySpecial.LastDayOfMonth last when last.daysBefore() == 0 ->
                "on the last day of the month";
            case DaySpecial.LastDayOfMonth last ->
                last.daysBefore() + " days before the last day of the month";
            case DaySpecial.NearestWeekday nearest ->
                "on the weekday nearest day " + nearest.day() + " of the month";
            case DaySpecial.LastWeekdayOfMonth lw -> "on the last weekday of the month";
            default -> special.toString();
          });
    }
    return String.join(" or ", phrases);
  }

  private static String daysOfWeek(DayField dow) {
    List<String> phrases = new ArrayList<>();
    if (!dow.values().isEmpty()) {
      phrases.add("on " + weekdays(dow.values()));
    }
    for (DaySpecial special : dow.specials()) {
      phrases.add(
          switch (special) {
            case DaySpecial.LastOfWeekday last ->
                "on the last " + name(last.weekday()) + " of the month";
            case DaySpecial.NthWeekday nth ->
                "on the " + ORDINALS[nth.nth()] + " " + name(nth.weekday()) + " of the month";
            default -> special.toString();
          });
    }
    return String.join(" or ", phrases);
  }

  /** Weekdays in Monday-first order, so MON-FRI reads "Monday to Friday". */
  private static String weekdays(BitSet values) {
    BitSet mondayFirst = new BitSet();
    for (int v = values.nextSetBit(0); v >= 0; v = values.nextSetBit(v + 1)) {
      mondayFirst.set(v == 0 ? 7 : v);
    }
    return set(mondayFirst, 1, 7, "day", "days", d -> name(DayOfWeek.of(d)));
  }

  private static String months(BitSet months) {
    if (months.cardinality() == 12) {
      return "";
    }
    return ", in "
        + set(
            months,
            1,
            12,
            "month",
            "months",
            m -> Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  /** "every 15 minutes", "minute 30", "minutes 0-10 and 30", "Monday to Friday". */
  private static String set(
      BitSet values, int min, int max, String unit, String units, IntFunction<String> name) {
    int count = values.cardinality();
    if (count == max - min + 1) {
      return "every " + unit;
    }
    int first = values.nextSetBit(min);
    int second = values.nextSetBit(first + 1);
    if (count >= 3 && first == min && isProgression(values, first, second - first, max)) {
      return "every " + (second - first) + " " + units;
    }
    boolean named = !Character.isDigit(name.apply(first).charAt(0));
    List<String> runs = new ArrayList<>();
    for (int v = values.nextSetBit(min); v >= 0 && v <= max; ) {
      int end = v;
      while (end + 1 <= max && values.get(end + 1)) {
        end++;
      }
      if (end - v >= 2) {
        runs.add(name.apply(v) + (named ? " to " : "-") + name.apply(end));
      } else {
        runs.add(name.apply(v));
        if (end > v) {
          runs.add(name.apply(end));
        }
      }
      v = values.nextSetBit(end + 1);
    }
    String prefix = named ? "" : (count == 1 ? unit : units) + " ";
    return prefix + joined(runs);
  }

  private static boolean isProgression(BitSet values, int first, int step, int max) {
    int expected = 0;
    for (int v = first; v <= max; v += step) {
      if (!values.get(v)) {
        return false;
      }
      expected++;
    }
    return expected == values.cardinality() && step > 1;
  }

  private static String joined(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }
}
