package org.globustimer.cli.job;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.globustimer.core.time.Intervals;
import org.globustimer.core.time.Times;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value readers; a bad value is a usage error (exit 2) naming the option. */
final class Converters {

  private Converters() {}

  static final class IntervalConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Intervals.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Times.parse(value, ZoneId.systemDefault());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class RunCountConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int count;
      try {
        count = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a number of runs");
      }
      if (count < 1) {
        throw new TypeConversionException(
            "must be at least 1 (got " + count + "); leave it out to run without a limit");
      }
      return count;
    }
  }

  static final class SyncLevelConverter implements ITypeConverter<Integer> {
    private static final Map<String, Integer> NAMES =
        Map.of("exists", 0, "size", 1, "mtime", 2, "checksum", 3);

    @Override
    public Integer convert(String value) {
      String key = value.strip().toLowerCase(Locale.ROOT);
      if (NAMES.containsKey(key)) {
        return NAMES.get(key);
      }
      if (key.matches("[0-3]")) {
        return Integer.parseInt(key);
      }
      throw new TypeConversionException(
          "'" + value + "' is not a sync level; give 0-3 or exists, size, mtime, checksum");
    }
  }

  /** The seed accepted several spellings of a boolean in an item's RECURSIVE field. */
  static boolean parseBoolean(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default ->
          throw new TypeConversionException("'" + value + "' is not true or false (RECURSIVE)");
    };
  }
}
