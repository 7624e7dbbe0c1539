package org.globustimer.core.cron;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Parses one field of a cron expression; {@code i} indexes into the whole text so errors point at
 * the character.
 */
final class CronFieldParser {
  private final String text;
  private final CronField field;
  private final int end;
  private final int start;
  private int i;
  private final BitSet values = new BitSet();
  private final List<DaySpecial> specials = new ArrayList<>();

  CronFieldParser(String text, int[] span, CronField field) {
    this.text = text;
    this.field = field;
    this.start = span[0];
    this.end = span[1];
    this.i = span[0];
  }

  DayField parse() {
    String whole = text.substring(start, end);
    boolean unrestricted = whole.equals("*") || whole.equals("?");
    while (true) {
      item();
      if (i == end) {
        break;
      }
      if (text.charAt(i) != ',') {
        throw error(i, "unexpected '" + text.charAt(i) + "' in the " + field.label + " field");
      }
      i++;
      if (i == end) {
        throw error(i - 1, "the " + field.label + " list ends with a comma");
      }
    }
    return new DayField(values, List.copyOf(specials), !unrestricted);
  }

  private void item() {
    int itemStart = i;
    char c = text.charAt(i);
    if (c == ',') {
      throw error(i, "empty item in the " + field.label + " list");
    }
    if (c == '?') {
      if (field != CronField.DAY_OF_MONTH && field != CronField.DAY_OF_WEEK) {
        throw error(i, "'?' is only for day of month or day of week");
      }
      i++;
      addRange(field.min, field.max, 1);
      return;
    }
    if (c == '*') {
      i++;
      addRange(field.min, field.max, step());
      return;
    }
    if (field == CronField.DAY_OF_MONTH && (c == 'L' || c == 'l')) {
      lastDayOfMonth();
      return;
    }
    int from = value();
    if (field == CronField.DAY_OF_MONTH && peekIs('W')) {
      i++;
      specials.add(new DaySpecial.NearestWeekday(from));
      return;
    }
    if (field == CronField.DAY_OF_WEEK && peekIs('L')) {
      i++;
      specials.add(new DaySpecial.LastOfWeekday(weekday(from)));
      return;
    }
    if (field == CronField.DAY_OF_WEEK && peekIs('#')) {
      i++;
      int nthAt = i;
      int nth = number();
      if (nth < 1 || nth > 5) {
        throw error(nthAt, "'#" + nth + "' asks for a week of the month outside 1-5");
      }
      specials.add(new DaySpecial.NthWeekday(weekday(from), nth));
      return;
    }
    int to = from;
    boolean range = false;
    if (peekIs('-')) {
      i++;
      int toAt = i;
      to = value();
      range = true;
      if (to < from) {
        throw error(
            toAt,
            "the range "
                + from
                + "-"
                + to
                + " goes backwards; split it, for example "
                + from
                + "-"
                + field.max
                + ","
                + field.min
                + "-"
                + to);
      }
    }
    int step = step();
    if (step > 1 && !range) {
      to = field.max;
    }
    addRange(from, to, step);
    if (i < end && text.charAt(i) != ',') {
      throw error(
          i,
          "unexpected '"
              + text.charAt(i)
              + "' after '"
              + text.substring(itemStart, i)
              + "' in the "
              + field.label
              + " field");
    }
  }

  private void lastDayOfMonth() {
    i++;
    if (peekIs('W')) {
      i++;
      specials.add(new DaySpecial.LastWeekdayOfMonth());
      return;
    }
    int daysBefore = 0;
    if (peekIs('-')) {
      i++;
      int at = i;
      daysBefore = number();
      if (daysBefore > 30) {
        throw error(at, "'L-" + daysBefore + "' reaches before the start of every month");
      }
    }
    specials.add(new DaySpecial.LastDayOfMonth(daysBefore));
  }

  private int step() {
    if (!peekIs('/')) {
      return 1;
    }
    i++;
    int at = i;
    int step = number();
    if (step < 1 || step > field.max) {
      throw error(at, "step " + step + " is out of range 1-" + field.max);
    }
    return step;
  }

  private void addRange(int from, int to, int step) {
    for (int v = from; v <= to; v += step) {
      values.set(field == CronField.DAY_OF_WEEK ? v % 7 : v);
    }
  }

  private boolean peekIs(char expected) {
    return i < end && Character.toUpperCase(text.charAt(i)) == expected;
  }

  /** A number or a name, checked against the field's range. */
  private int value() {
    int at = i;
    int value;
    if (i < end && Character.isLetter(text.charAt(i))) {
      while (i < end && Character.isLetter(text.charAt(i))) {
        i++;
      }
      String name = text.substring(at, i);
      value = field.valueOfName(name);
      if (value < 0) {
        throw error(
            at,
            "'"
                + name
                + "' is not a "
                + field.label
                + (field.hasNames()
                    ? "; use " + field.range()
                    : "; use a number " + field.range()));
      }
      return value;
    }
    value = number();
    if (value < field.min || value > field.max) {
      throw error(at, field.label + " " + value + " is out of range " + field.range());
    }
    return value;
  }

  private int number() {
    int at = i;
    while (i < end && Character.isDigit(text.charAt(i))) {
      i++;
    }
    if (i == at) {
      String found = i < end ? "'" + text.charAt(i) + "'" : "the end of the field";
      throw error(at, "expected a number in the " + field.label + " field but found " + found);
    }
    if (i - at > 4) {
      throw error(at, "the number " + text.substring(at, i) + " is too large");
    }
    return Integer.parseInt(text.substring(at, i));
  }

  private DayOfWeek weekday(int value) {
    return value % 7 == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(value);
  }

  private CronSyntaxException error(int index, String problem) {
    return new CronSyntaxException(text, index + 1, problem);
  }
}
