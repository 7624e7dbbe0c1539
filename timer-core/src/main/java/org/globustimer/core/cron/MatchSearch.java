package org.globustimer.core.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Finds the next or previous match of a cron expression's fields by skipping, field by field from
 * the month down, whatever the fields rule out.
 */
final class MatchSearch {

  /** The Gregorian calendar repeats every 400 years, so a pattern that ever matches does within. */
  static final int SEARCH_YEARS = 400;

  private MatchSearch() {}

  static LocalDateTime next(CronFields f, LocalDateTime from) {
    LocalDateTime t =
        from.getNano() == 0 ? from : from.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    int lastYear = t.getYear() + SEARCH_YEARS;
    while (t.getYear() <= lastYear) {
      LocalDate date = t.toLocalDate();
      if (!f.months().get(t.getMonthValue())) {
        int month = f.months().nextSetBit(t.getMonthValue() + 1);
        t =
            month < 0
                ? LocalDate.of(t.getYear() + 1, 1, 1).atStartOfDay()
                : LocalDate.of(t.getYear(), month, 1).atStartOfDay();
      } else if (!f.matchesDay(date)) {
        t = date.plusDays(1).atStartOfDay();
      } else if (!f.hours().get(t.getHour())) {
        int hour = f.hours().nextSetBit(t.getHour() + 1);
        t = hour < 0 ? date.plusDays(1).atStartOfDay() : date.atTime(hour, 0);
      } else if (!f.minutes().get(t.getMinute())) {
        int minute = f.minutes().nextSetBit(t.getMinute() + 1);
        t =
            minute < 0
                ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1)
                : date.atTime(t.getHour(), minute);
      } else if (!f.seconds().get(t.getSecond())) {
        int second = f.seconds().nextSetBit(t.getSecond() + 1);
        t = second < 0 ? t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : t.withSecond(second);
      } else {
        return t;
      }
    }
    return null;
  }

  static LocalDateTime previous(CronFields f, LocalDateTime at) {
    LocalDateTime t = at.truncatedTo(ChronoUnit.SECONDS);
    int firstYear = t.getYear() - SEARCH_YEARS;
    while (t.getYear() >= firstYear) {
      LocalDate date = t.toLocalDate();
      if (!f.months().get(t.getMonthValue())) {
        int month = f.months().previousSetBit(t.getMonthValue() - 1);
        t =
            month < 1
                ? LocalDate.of(t.getYear() - 1, 12, 31).atTime(23, 59, 59)
                : endOfDay(YearMonth.of(t.getYear(), month).atEndOfMonth());
      } else if (!f.matchesDay(date)) {
        t = endOfDay(date.minusDays(1));
      } else if (!f.hours().get(t.getHour())) {
        int hour = f.hours().previousSetBit(t.getHour() - 1);
        t = hour < 0 ? endOfDay(date.minusDays(1)) : date.atTime(hour, 59, 59);
      } else if (!f.minutes().get(t.getMinute())) {
        int minute = f.minutes().previousSetBit(t.getMinute() - 1);
        t =
            minute < 0
                ? t.truncatedTo(ChronoUnit.HOURS).minusSeconds(1)
                : date.atTime(t.getHour(), minute, 59);
      } else if (!f.seconds().get(t.getSecond())) {
        int second = f.seconds().previousSetBit(t.getSecond() - 1);
        t = second < 0 ? t.truncatedTo(ChronoUnit.MINUTES).minusSeconds(1) : t.withSecond(second);
      } else {
        return t;
      }
    }
    return null;
  }

  private static LocalDateTime endOfDay(LocalDate date) {
    return date.atTime(23, 59, 59);
  }
}
