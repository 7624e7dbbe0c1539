package org.globustimer.core.cron;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The day rules that depend on the month's length or weekdays: {@code L}, {@code W}, {@code #}. */
sealed interface DaySpecial {

  boolean matches(LocalDate date);

  /** {@code L} or {@code L-n}: the last day of the month, or n days before it. */
  record LastDayOfMonth(int daysBefore) implements DaySpecial {
    @Override
    public boolean matches(LocalDate date) {
      return date.getDayOfMonth() == date.lengthOfMonth() - daysBefore;
    }
  }

  /**
   * {@code nW}: the weekday (Monday to Friday) nearest to day n, never leaving the month; no day at
   * all in a month shorter than n days.
   */
  record NearestWeekday(int day) implements DaySpecial {
    @Override
    public boolean matches(LocalDate date) {
      if (day > date.lengthOfMonth()) {
        return false;
      }
      LocalDate target = date.withDayOfMonth(day);
      LocalDate nearest =
          switch (target.getDayOfWeek()) {
            case SATURDAY -> day == 1 ? target.plusDays(2) : target.minusDays(1);
            case SUNDAY -> day == target.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
            default -> target;
          };
      return nearest.equals(date);
    }
  }

  /** {@code LW}: the last weekday (Monday to Friday) of the month. */
  record LastWeekdayOfMonth() implements DaySpecial {
    @Override
    public boolean matches(LocalDate date) {
      LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
      while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
        last = last.minusDays(1);
      }
      return last.equals(date);
    }
  }

  /** {@code 5L}: the last Friday (or other weekday) of the month. */
  record LastOfWeekday(DayOfWeek weekday) implements DaySpecial {
    @Override
    public boolean matches(LocalDate date) {
      return date.getDayOfWeek() == weekday && date.plusWeeks(1).getMonth() != date.getMonth();
    }
  }

  /** {@code 2#3}: the third Tuesday (or other weekday) of the month. */
  record NthWeekday(DayOfWeek weekday, int nth) implements DaySpecial {
    @Override
    public boolean matches(LocalDate date) {
      return date.getDayOfWeek() == weekday && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
    }
  }
}
