package org.globustimer.core.cron;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

/**
 * The day-of-month or day-of-week field: plain values plus {@link DaySpecial} rules. A field
 * written as {@code *} or {@code ?} is unrestricted.
 */
record DayField(BitSet values, List<DaySpecial> specials, boolean restricted) {

  boolean matchesDayOfMonth(LocalDate date) {
    return values.get(date.getDayOfMonth()) || matchesSpecial(date);
  }

  boolean matchesDayOfWeek(LocalDate date) {
    return values.get(date.getDayOfWeek().getValue() % 7) || matchesSpecial(date);
  }

  private boolean matchesSpecial(LocalDate date) {
    for (DaySpecial special : specials) {
      if (special.matches(date)) {
        return true;
      }
    }
    return false;
  }
}
