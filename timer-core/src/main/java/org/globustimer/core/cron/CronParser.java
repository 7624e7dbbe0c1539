package org.globustimer.core.cron;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cron grammar: 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first,
 * or an {@code @} alias. Each field is a comma list of {@code *}, values, ranges {@code a-b} and
 * steps {@code /n}; day of month also takes {@code ?}, {@code L}, {@code L-n}, {@code nW}, {@code
 * LW}, day of week {@code ?}, {@code nL} and {@code n#k}. Errors carry the 1-based position.
 */
final class CronParser {

  static final Map<String, String> ALIASES =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private final String text;

  private CronParser(String text) {
    this.text = text;
  }

  static CronExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new CronSyntaxException(
          text == null ? "" : text, 0, "is empty; write 5 fields (or 6 with seconds first)");
    }
    return new CronParser(text).expression();
  }

  private CronExpression expression() {
    int first = firstNonBlank();
    if (text.charAt(first) == '@') {
      return alias(first);
    }
    List<int[]> spans = fieldSpans();
    if (spans.size() != 5 && spans.size() != 6) {
      throw new CronSyntaxException(
          text,
          0,
          "has "
              + spans.size()
              + " field"
              + (spans.size() == 1 ? "" : "s")
              + "; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)");
    }
    boolean withSeconds = spans.size() == 6;
    int i = 0;
    BitSet seconds = withSeconds ? plain(spans.get(i++), CronField.SECOND) : single(0);
    BitSet minutes = plain(spans.get(i++), CronField.MINUTE);
    BitSet hours = plain(spans.get(i++), CronField.HOUR);
    DayField daysOfMonth = days(spans.get(i++), CronField.DAY_OF_MONTH);
    BitSet months = plain(spans.get(i++), CronField.MONTH);
    DayField daysOfWeek = days(spans.get(i), CronField.DAY_OF_WEEK);
    CronExpression expression =
        new CronExpression(
            text.strip(), withSeconds, seconds, minutes, hours, daysOfMonth, months, daysOfWeek);
    if (!expression.canEverMatch()) {
      throw new CronSyntaxException(
          text, 0, "never matches (no month has such a day, for example 31 in 2,4,6,9,11)");
    }
    return expression;
  }

  private CronExpression alias(int at) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    String expansion = ALIASES.get(name);
    if (expansion == null) {
      throw new CronSyntaxException(
          text,
          at + 1,
          "unknown alias '"
              + text.strip()
              + "'; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly");
    }
    CronExpression parsed = new CronParser(expansion).expression();
    return parsed.withText(name);
  }

  private int firstNonBlank() {
    int i = 0;
    while (Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Start (inclusive) and end (exclusive) of each whitespace-separated field. */
  private List<int[]> fieldSpans() {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        spans.add(new int[] {start, i});
      }
    }
    return spans;
  }

  private static BitSet single(int value) {
    BitSet bits = new BitSet();
    bits.set(value);
    return bits;
  }

  private BitSet plain(int[] span, CronField field) {
    DayField parsed = new FieldParser(span, field).parse();
    return parsed.values();
  }

  private DayField days(int[] span, CronField field) {
    return new FieldParser(span, field).parse();
  }

  /** Parses one field; {@code i} indexes into the whole text so errors point at the character. */
  private final class FieldParser {
    private final CronField field;
    private final int end;
    private final int start;
    private int i;
    private final BitSet values = new BitSet();
    private final List<DaySpecial> specials = new ArrayList<>();

    FieldParser(int[] span, CronField field) {
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
}
