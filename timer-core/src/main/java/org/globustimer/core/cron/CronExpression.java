package org.globustimer.core.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;
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

  private final String text;
  private final boolean withSeconds;
  private final CronFields fields;

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
    this.fields = new CronFields(seconds, minutes, hours, daysOfMonth, months, daysOfWeek);
  }

  private CronExpression(String text, boolean withSeconds, CronFields fields) {
    this.text = text;
    this.withSeconds = withSeconds;
    this.fields = fields;
  }

  /** Parses an expression; throws {@link CronSyntaxException} saying where and what is wrong. */
  public static CronExpression parse(String text) {
    return CronParser.parse(text);
  }

  CronExpression withText(String newText) {
    return new CronExpression(newText, withSeconds, fields);
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
    return fields.matches(t);
  }

  public boolean matchesDay(LocalDate date) {
    return fields.matchesDay(date);
  }

  /** The first match at or after {@code from}, or null if there is none within 400 years. */
  public LocalDateTime nextMatch(LocalDateTime from) {
    return MatchSearch.next(fields, from);
  }

  /** The last match at or before {@code at}, or null if there is none within 400 years. */
  public LocalDateTime previousMatch(LocalDateTime at) {
    return MatchSearch.previous(fields, at);
  }

  boolean canEverMatch() {
    return nextMatch(LocalDate.of(2000, 1, 1).atStartOfDay()) != null;
  }

  BitSet seconds() {
    return (BitSet) fields.seconds().clone();
  }

  BitSet minutes() {
    return (BitSet) fields.minutes().clone();
  }

  BitSet hours() {
    return (BitSet) fields.hours().clone();
  }

  BitSet months() {
    return (BitSet) fields.months().clone();
  }

  DayField daysOfMonth() {
    return fields.daysOfMonth();
  }

  DayField daysOfWeek() {
    return fields.daysOfWeek();
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
