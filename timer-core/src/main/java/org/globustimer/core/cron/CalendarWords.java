package org.globustimer.core.cron;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** The days and months of a cron expression in words: "Monday to Friday", "in January". */
final class CalendarWords {

  private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth"};

  private CalendarWords() {}

  static String days(CronExpression cron) {
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
          "on "
              + ValueWords.set(dom.values(), 1, 31, "day", "days", Integer::toString)
              + " of the month");
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
    return ValueWords.set(mondayFirst, 1, 7, "day", "days", d -> name(DayOfWeek.of(d)));
  }

  static String months(BitSet months) {
    if (months.cardinality() == 12) {
      return "";
    }
    return ", in "
        + ValueWords.set(
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
}
