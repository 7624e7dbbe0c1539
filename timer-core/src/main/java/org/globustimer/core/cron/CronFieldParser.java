package org.globustimer.core.cron;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Parses one field of a cron expression: its list of values, ranges, steps and special days. */
final class CronFieldParser {
  private final CronField field;
  private final String whole;
  private final FieldCursor in;
  private final BitSet values = new BitSet();
  private final List<DaySpecial> specials = new ArrayList<>();

  CronFieldParser(String text, int[] span, CronField field) {
    this.field = field;
    this.whole = text.substring(span[0], span[1]);
    this.in = new FieldCursor(text, span[0], span[1], field);
  }

  DayField parse() {
    boolean unrestricted = whole.equals("*") || whole.equals("?");
    while (true) {
      item();
      if (in.atEnd()) {
        break;
      }
      if (in.current() != ',') {
        throw in.error(
            in.position(), "unexpected '" + in.current() + "' in the " + field.label + " field");
      }
      in.skip();
      if (in.atEnd()) {
        throw in.error(in.position() - 1, "the " + field.label + " list ends with a comma");
      }
    }
    return new DayField(values, List.copyOf(specials), !unrestricted);
  }

  private void item() {
    int itemStart = in.position();
    char c = in.current();
    if (c == ',') {
      throw in.error(in.position(), "empty item in the " + field.label + " list");
    }
    if (c == '?') {
      if (field != CronField.DAY_OF_MONTH && field != CronField.DAY_OF_WEEK) {
        throw in.error(in.position(), "'?' is only for day of month or day of week");
      }
      in.skip();
      addRange(field.min, field.max, 1);
      return;
    }
    if (c == '*') {
      in.skip();
      addRange(field.min, field.max, step());
      return;
    }
    if (field == CronField.DAY_OF_MONTH && (c == 'L' || c == 'l')) {
      specials.add(SpecialDays.lastDayOfMonth(in));
      return;
    }
    int from = in.value();
    DaySpecial special = SpecialDays.after(in, field, from);
    if (special != null) {
      specials.add(special);
      return;
    }
    int to = from;
    boolean range = false;
    if (in.peekIs('-')) {
      in.skip();
      int toAt = in.position();
      to = in.value();
      range = true;
      if (to < from) {
        throw in.error(
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
    if (!in.atEnd() && in.current() != ',') {
      throw in.error(
          in.position(),
          "unexpected '"
              + in.current()
              + "' after '"
              + in.since(itemStart)
              + "' in the "
              + field.label
              + " field");
    }
  }

  private int step() {
    if (!in.peekIs('/')) {
      return 1;
    }
    in.skip();
    int at = in.position();
    int step = in.number();
    if (step < 1 || step > field.max) {
      throw in.error(at, "step " + step + " is out of range 1-" + field.max);
    }
    return step;
  }

  private void addRange(int from, int to, int step) {
    for (int v = from; v <= to; v += step) {
      values.set(field == CronField.DAY_OF_WEEK ? v % 7 : v);
    }
  }
}
