package org.globustimer.cli.schedule;

import org.globustimer.core.cron.CronExpression;
import org.globustimer.core.cron.CronSyntaxException;
import org.globustimer.core.cron.Zones;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Readers for {@code --cron} and {@code --timezone}: a bad value is a usage error (exit 2). */
public final class CronOptions {

  private CronOptions() {}

  public static final String CRON_HELP =
      "A cron expression: minute hour day-of-month month day-of-week (a 6th field in front is"
          + " seconds), e.g. '0 2 * * *', '*/15 9-17 * * MON-FRI', '0 0 L * *', or @daily.";

  public static final String TIMEZONE_HELP =
      "The IANA time zone the cron expression is read in, e.g. Europe/Berlin (default: UTC).";

  public static final class CronConverter implements ITypeConverter<CronExpression> {
    @Override
    public CronExpression convert(String value) {
      try {
        return CronExpression.parse(value);
      } catch (CronSyntaxException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  public static final class ZoneConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Zones.parse(value);
      } catch (CronSyntaxException e) {
        throw new TypeConversionException(e.problem());
      }
    }
  }
}
