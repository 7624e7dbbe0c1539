package org.globustimer.core.cron;

/**
 * Reads one field of a cron expression: numbers, names and single characters. Positions index into
 * the whole text, so errors point at the character.
 */
final class FieldCursor {
  private final String text;
  private final CronField field;
  private final int end;
  private int i;

  FieldCursor(String text, int start, int end, CronField field) {
    this.text = text;
    this.field = field;
    this.end = end;
    this.i = start;
  }

  int position() {
    return i;
  }

  boolean atEnd() {
    return i == end;
  }

  char current() {
    return text.charAt(i);
  }

  void skip() {
    i++;
  }

  boolean peekIs(char expected) {
    return i < end && Character.toUpperCase(text.charAt(i)) == expected;
  }

  /** The text read since {@code from}. */
  String since(int from) {
    return text.substring(from, i);
  }

  /** A number or a name, checked against the field's range. */
  int value() {
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

  int number() {
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

  CronSyntaxException error(int index, String problem) {
    return new CronSyntaxException(text, index + 1, problem);
  }
}
