package org.globustimer.core.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A parsed cron expression: which local date-times (to the second) it matches, and the next or
 * previous match from a local date-time. It knows nothing of time zones; {@link CronSchedule} maps
 * its matches to instants.
 *
 * <p>Day of month and day of week combine as in standard cron: when both are restricted (neither is
 * {@code *} or {@code ?}) a day matches if either matches, otherwise both must.
 */
public final class CronExpression {

  /** The Gregorian calendar repeats every 400 years, so a pattern that ever matches does within. */
  static final int SEARCH_YEARS = 400;

  private final String text;
  private final boolean withSeconds;
  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final DayField daysOfMonth;
  private final BitSet months;
  private final DayField daysOfWeek;

  CronExpression(
      String text,
      boolean withSeconds,
      BitSet seconds,
      BitSet minutes,
      BitSet hours,
      DayField daysOfMonth,
      BitSet months,
      DayField daysOfWeek) {
    this.text = text;
    this.withSeconds = withSeconds;
    this.seconds = seconds;
    this.minutes = minutes;
    this.hours = hours;
    this.daysOfMonth = daysOfMonth;
    this.months = months;
    this.daysOfWeek = daysOfWeek;
  }

  /** Parses an expression; throws {@link CronSyntaxException} saying where and what is wrong. */
  public static CronExpression parse(String text) {
    return CronParser.parse(text);
  }

  CronExpression withText(String newText) {
    return new CronExpression(
        newText, withSeconds, seconds, minutes, hours, daysOfMonth, months, daysOfWeek);
  }

  /** The expression as written (trimmed), or the alias. */
  public String text() {
    return text;
  }

  /** Whether the expression was written with a seconds field. */
  public boolean hasSeconds() {
    return withSeconds;
  }

  public boolean matches(LocalDateTime t) {
    return t.getNano() == 0
        && seconds.get(t.getSecond())
        && minutes.get(t.getMinute())
        && hours.get(t.getHour())
        && months.get(t.getMonthValue())
        && matchesDay(t.toLocalDate());
  }

  public boolean matchesDay(LocalDate date) {
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

  /** The first match at or after {@code from}, or null if there is none within 400 years. */
  public LocalDateTime nextMatch(LocalDateTime from) {
    LocalDateTime t =
        from.getNano() == 0 ? from : from.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    int lastYear = t.getYear() + SEARCH_YEARS;
    while (t.getYear() <= lastYear) {
      LocalDate date = t.toLocalDate();
      if (!months.get(t.getMonthValue())) {
        int month = months.nextSetBit(t.getMonthValue() + 1);
        t =
            month < 0
                ? LocalDate.of(t.getYear() + 1, 1, 1).atStartOfDay()
                : LocalDate.of(t.getYear(), month, 1).atStartOfDay();
      } else if (!matchesDay(date)) {
        t = date.plusDays(1).atStartOfDay();
      } else if (!hours.get(t.getHour())) {
        int hour = hours.nextSetBit(t.getHour() + 1);
        t = hour < 0 ? date.plusDays(1).atStartOfDay() : date.atTime(hour, 0);
      } else if (!minutes.get(t.getMinute())) {
        int minute = minutes.nextSetBit(t.getMinute() + 1);
        t =
            minute < 0
                ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1)
                : date.atTime(t.getHour(), minute);
      } else if (!seconds.get(t.getSecond())) {
        int second = seconds.nextSetBit(t.getSecond() + 1);
        t = second < 0 ? t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : t.withSecond(second);
      } else {
        return t;
      }
    }
    return null;
  }

  /** The last match at or before {@code at}, or null if there is none within 400 years. */
  public LocalDateTime previousMatch(LocalDateTime at) {
    LocalDateTime t = at.truncatedTo(ChronoUnit.SECONDS);
    int firstYear = t.getYear() - SEARCH_YEARS;
    while (t.getYear() >= firstYear) {
      LocalDate date = t.toLocalDate();
      if (!months.get(t.getMonthValue())) {
        int month = months.previousSetBit(t.getMonthValue() - 1);
        t =
            month < 1
                ? LocalDate.of(t.getYear() - 1, 12, 31).atTime(23, 59, 59)
                : endOfDay(YearMonth.of(t.getYear(), month).atEndOfMonth());
      } else if (!matchesDay(date)) {
        t = endOfDay(date.minusDays(1));
      } else if (!hours.get(t.getHour())) {
        int hour = hours.previousSetBit(t.getHour() - 1);
        t = hour < 0 ? endOfDay(date.minusDays(1)) : date.atTime(hour, 59, 59);
      } else if (!minutes.get(t.getMinute())) {
        int minute = minutes.previousSetBit(t.getMinute() - 1);
        t =
            minute < 0
                ? t.truncatedTo(ChronoUnit.HOURS).minusSeconds(1)
                : date.atTime(t.getHour(), minute, 59);
      } else if (!seconds.get(t.getSecond())) {
        int second = seconds.previousSetBit(t.getSecond() - 1);
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

  boolean canEverMatch() {
    return nextMatch(LocalDate.of(2000, 1, 1).atStartOfDay()) != null;
  }

  BitSet seconds() {
    return (BitSet) seconds.clone();
  }

  BitSet minutes() {
    return (BitSet) minutes.clone();
  }

  BitSet hours() {
    return (BitSet) hours.clone();
  }

  BitSet months() {
    return (BitSet) months.clone();
  }

  DayField daysOfMonth() {
    return daysOfMonth;
  }

  DayField daysOfWeek() {
    return daysOfWeek;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronExpression that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
