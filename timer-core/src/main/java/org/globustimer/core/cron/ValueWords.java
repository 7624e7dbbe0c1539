package org.globustimer.core.cron;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;

/** A set of field values in words: runs, progressions and lists. */
final class ValueWords {

  private ValueWords() {}

  /** "every 15 minutes", "minute 30", "minutes 0-10 and 30", "Monday to Friday". */
  static String set(
      BitSet values, int min, int max, String unit, String units, IntFunction<String> name) {
    int count = values.cardinality();
    if (count == max - min + 1) {
      return "every " + unit;
    }
    int first = values.nextSetBit(min);
    int second = values.nextSetBit(first + 1);
    if (count >= 3 && first == min && isProgression(values, first, second - first, max)) {
      return "every " + (second - first) + " " + units;
    }
    boolean named = !Character.isDigit(name.apply(first).charAt(0));
    List<String> runs = new ArrayList<>();
    for (int v = values.nextSetBit(min); v >= 0 && v <= max; ) {
      int end = v;
      while (end + 1 <= max && values.get(end + 1)) {
        end++;
      }
      if (end - v >= 2) {
        runs.add(name.apply(v) + (named ? " to " : "-") + name.apply(end));
      } else {
        runs.add(name.apply(v));
        if (end > v) {
          runs.add(name.apply(end));
        }
      }
      v = values.nextSetBit(end + 1);
    }
    String prefix = named ? "" : (count == 1 ? unit : units) + " ";
    return prefix + joined(runs);
  }

  private static boolean isProgression(BitSet values, int first, int step, int max) {
    int expected = 0;
    for (int v = first; v <= max; v += step) {
      if (!values.get(v)) {
        return false;
      }
      expected++;
    }
    return expected == values.cardinality() && step > 1;
  }

  static String joined(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }
}
