package org.globustimer.cli.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.globustimer.cli.FormatOption;
import org.globustimer.cli.RootCommand;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.core.cron.CronExpression;
import org.globustimer.core.cron.CronSchedule;
import org.globustimer.core.schedule.Cron;
import org.globustimer.core.time.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Show when a cron schedule would fire, in UTC and in its time zone.")
public final class SchedulePreview implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Option(
      names = "--cron",
      required = true,
      paramLabel = "EXPR",
      converter = CronOptions.CronConverter.class,
      description = CronOptions.CRON_HELP)
  CronExpression cron;

  @Option(
      names = "--timezone",
      paramLabel = "TZ",
      converter = CronOptions.ZoneConverter.class,
      description = CronOptions.TIMEZONE_HELP)
  String timezone = "UTC";

  @Option(
      names = "--start",
      paramLabel = "TIME",
      description = {
        "Preview from this time (default: now): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS,",
        "read in --timezone unless it has an offset (+02:00, Z)."
      })
  String start;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      description = "How many fire times to show (1-1000, default 10).")
  int count = 10;

  @Override
  public Integer call() {
    if (count < 1 || count > 1000) {
      throw new ParameterException(
          spec.commandLine(), "-n must be between 1 and 1000 (got " + count + ")");
    }
    Instant from = Instant.now();
    if (start != null) {
      try {
        from = Times.parse(start, ZoneId.of(timezone));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--start: " + e.getMessage());
      }
    }
    CronSchedule schedule = new CronSchedule(cron, timezone);
    List<Instant> ticks = next(new Cron(from, schedule), from, count);
    OutputFormat format = formatOption.format();
    if (format == null && spec.root().userObject() instanceof RootCommand root) {
      format = root.format().format();
    }
    PreviewOutput.print(
        spec.commandLine().getOut(), format == null ? OutputFormat.TEXT : format, schedule, ticks);
    return 0;
  }

  private static List<Instant> next(Cron cron, Instant from, int count) {
    List<Instant> ticks = new java.util.ArrayList<>();
    Instant t = cron.firstAfter(from.minusNanos(1));
    while (t != null && ticks.size() < count) {
      ticks.add(t);
      t = cron.firstAfter(t);
    }
    return ticks;
  }
}
