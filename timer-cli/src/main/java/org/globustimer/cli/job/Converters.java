package org.globustimer.cli.job;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
}
