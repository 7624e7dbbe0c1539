package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import org.globustimer.cli.schedule.CronOptions;
import org.globustimer.core.cron.CronExpression;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * A cron schedule in a zone instead of an interval, and jitter, overlap and catch-up policies;
 * shared by {@code job submit}, {@code job transfer} and {@code job update}.
 */
final class TimingOptions {

  @Option(
      names = "--cron",
      paramLabel = "EXPR",
      converter = CronOptions.CronConverter.class,
      description = CronOptions.CRON_HELP + " Instead of --interval.")
  CronExpression cron;

  @Option(
      names = "--timezone",
      paramLabel = "TZ",
      converter = CronOptions.ZoneConverter.class,
      description = CronOptions.TIMEZONE_HELP)
  String timezone;

  @Option(
      names = "--jitter",
      paramLabel = "SECONDS",
      converter = JitterConverter.class,
      description = "Spread each run over this many seconds after its time (the same every time).")
  Integer jitter;

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      converter = PolicyConverter.class,
      description =
          "While a run is in progress a new one is: skip (default), buffer-one, allow-all.")
  String overlap;

  @Option(
      names = "--catch-up",
      paramLabel = "POLICY",
      converter = PolicyConverter.class,
      description = "Runs missed while the service was down: one (default), none, all.")
  String catchUp;

  @Option(
      names = "--catch-up-window",
      paramLabel = "INTERVAL",
      converter = Converters.IntervalConverter.class,
      description = "How far back --catch-up all reaches (default 1d).")
  Duration catchUpWindow;

  boolean anyGiven() {
    return cron != null
        || timezone != null
        || jitter != null
        || overlap != null
        || catchUp != null
        || catchUpWindow != null;
  }

  /** Adds the options given to a v1 job body or patch; returns a problem in words, or null. */
  String addTo(ObjectNode job, boolean hasInterval, boolean creating) {
    if (cron != null && hasInterval) {
      return "give either --interval or --cron, not both";
    }
    if (timezone != null && cron == null && creating) {
      return "--timezone needs --cron (the zone the expression is read in)";
    }
    if (cron != null) {
      job.put("cron", cron.text());
    }
    if (timezone != null) {
      job.put("timezone", timezone);
    }
    if (jitter != null) {
      job.put("jitter_seconds", jitter);
    }
    if (overlap != null) {
      if (!overlap.equals("skip")
          && !overlap.equals("buffer_one")
          && !overlap.equals("allow_all")) {
        return "--overlap must be skip, buffer-one or allow-all";
      }
      job.put("overlap_policy", overlap);
    }
    if (catchUp != null) {
      if (!catchUp.equals("one") && !catchUp.equals("none") && !catchUp.equals("all")) {
        return "--catch-up must be one, none or all";
      }
      job.put("catchup_policy", catchUp);
    }
    if (catchUpWindow != null) {
      job.put("catchup_window_seconds", catchUpWindow.toSeconds());
    }
    return null;
  }

  static final class JitterConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int seconds = Integer.parseInt(value.strip());
        if (seconds >= 0 && seconds <= 86_400) {
          return seconds;
        }
      } catch (NumberFormatException e) {
        // the message below says what is accepted
      }
      throw new TypeConversionException(
          "'" + value + "' is not a number of seconds from 0 to 86400, such as 300");
    }
  }

  /** Policies are written with dashes or underscores on the command line. */
  static final class PolicyConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }
  }
}
