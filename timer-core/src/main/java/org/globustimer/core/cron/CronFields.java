package org.globustimer.core.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;

/**
 * The values each field of a cron expression allows, and whether a local date-time matches them.
 * Day of month and day of week combine as in standard cron: when both are restricted a day matches
 * if either matches, otherwise both must.
 */
record CronFields(
    BitSet seconds,
    BitSet minutes,
    BitSet hours,
    DayField daysOfMonth,
    BitSet months,
    DayField daysOfWeek) {

  boolean matches(LocalDateTime t) {
    return t.getNano() == 0
        && seconds.get(t.getSecond())
        && minutes.get(t.getMinute())
        && hours.get(t.getHour())
        && months.get(t.getMonthValue())
        && matchesDay(t.toLocalDate());
  }

  boolean matchesDay(LocalDate date) {
    boolean byMonth = daysOfMonth.restricted();
    boolean byWeek = daysOfWeek.restricted();
    if (byMonth && byWeek) {
      return daysOfMonth.matchesDayOfMonth(date) || daysOfWeek.matchesDayOfWeek(date);
    }
    if (byMonth) {
      return daysOfMonth.matchesDayOfMonth(date);
    }
    return !byWeek || daysOfWeek.matchesDayOfWeek(date);
  }
}
