package org.globustimer.core.cron;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The cron grammar: 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first,
 * or an {@code @} alias. Each field is a comma list of {@code *}, values, ranges {@code a-b} and
 * steps {@code /n}; day of month also takes {@code ?}, {@code L}, {@code L-n}, {@code nW}, {@code
 * LW}, day of week {@code ?}, {@code nL} and {@code n#k}. Errors carry the 1-based position.
 */
final class CronParser {

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
      return new CronParser(CronAliases.expansion(text, first))
          .expression()
          .withText(CronAliases.name(text));
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
    DayField parsed = new CronFieldParser(text, span, field).parse();
    return parsed.values();
  }

  private DayField days(int[] span, CronField field) {
    return new CronFieldParser(text, span, field).parse();
  }
}
