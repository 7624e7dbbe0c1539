package org.globustimer.core.cron;

import java.time.DayOfWeek;

/**
 * Reads the special days of the day fields: {@code nW} (nearest weekday), {@code nL} (last such
 * weekday), {@code n#k} (k-th such weekday) and the month's last days {@code L}, {@code LW}, {@code
 * L-n}.
 */
final class SpecialDays {

  private SpecialDays() {}

  /** The special day that follows the value {@code from} in {@code field}, or null for none. */
  static DaySpecial after(FieldCursor in, CronField field, int from) {
    if (field == CronField.DAY_OF_MONTH && in.peekIs('W')) {
      in.skip();
      return new DaySpecial.NearestWeekday(from);
    }
    if (field == CronField.DAY_OF_WEEK && in.peekIs('L')) {
      in.skip();
      return new DaySpecial.LastOfWeekday(weekday(from));
    }
    if (field == CronField.DAY_OF_WEEK && in.peekIs('#')) {
      in.skip();
      int nthAt = in.position();
      int nth = in.number();
      if (nth < 1 || nth > 5) {
        throw in.error(nthAt, "'#" + nth + "' asks for a week of the month outside 1-5");
      }
      return new DaySpecial.NthWeekday(weekday(from), nth);
    }
    return null;
  }

  /** {@code L}, {@code LW} or {@code L-n} in the day-of-month field, the cursor at the L. */
  static DaySpecial lastDayOfMonth(FieldCursor in) {
    in.skip();
    if (in.peekIs('W')) {
      in.skip();
      return new DaySpecial.LastWeekdayOfMonth();
    }
    int daysBefore = 0;
    if (in.peekIs('-')) {
      in.skip();
      int at = in.position();
      daysBefore = in.number();
      if (daysBefore > 30) {
        throw in.error(at, "'L-" + daysBefore + "' reaches before the start of every month");
      }
    }
    return new DaySpecial.LastDayOfMonth(daysBefore);
  }

  private static DayOfWeek weekday(int value) {
    return value % 7 == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(value);
  }
}
