package org.globustimer.core.cron;

import java.util.List;

/** The fields of a cron expression, in the order they are written, with their ranges and names. */
enum CronField {
  SECOND("second", 0, 59, List.of()),
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day of month", 1, 31, List.of()),
  MONTH(
      "month",
      1,
      12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  // 0 and 7 are both Sunday, as in standard cron.
  DAY_OF_WEEK("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  final String label;
  final int min;
  final int max;
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  /** The value a name stands for (JAN = 1, SUN = 0), or -1 if it is not one of this field's. */
  int valueOfName(String name) {
    int index = names.indexOf(name.toUpperCase(java.util.Locale.ROOT));
    if (index < 0) {
      return -1;
    }
    return this == MONTH ? index + 1 : index;
  }

  boolean hasNames() {
    return !names.isEmpty();
  }

  String range() {
    String numbers = min + "-" + max;
    return hasNames()
        ? numbers + " or " + names.get(0) + "-" + names.get(names.size() - 1)
        : numbers;
  }
}
