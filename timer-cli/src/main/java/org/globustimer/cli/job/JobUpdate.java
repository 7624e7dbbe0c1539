package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description =
        "Change a timer's name, interval or cron schedule, policies, end, notifications or run"
            + " timeout.")
final class JobUpdate extends JobBase {

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class)
  UUID jobId;

  @Option(names = "--name", description = "A new name.")
  String name;

  @Option(
      names = "--interval",
      paramLabel = "INTERVAL",
      converter = Converters.IntervalConverter.class,
      description = "A new interval: seconds or units (1w 2d 3h 4m 5s).")
  Duration interval;

  @Option(
      names = "--stop-after-date",
      paramLabel = "TIME",
      converter = Converters.TimeConverter.class,
      description = "Run no more after this time.")
  Instant stopAfterDate;

  @Option(
      names = "--stop-after-runs",
      paramLabel = "N",
      converter = Converters.RunCountConverter.class,
      description = "Stop after this many runs in all (at least 1).")
  Integer stopAfterRuns;

  @Mixin TimingOptions timing;

  @Mixin NotifyOptions notify;

  @Override
  public Integer call() {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    if (name != null) {
      patch.put("name", name);
    }
    if (interval != null) {
      patch.put("interval", interval.toSeconds());
    }
    ObjectNode stopAfter = ScheduleOptions.stopAfter(stopAfterDate, stopAfterRuns);
    if (stopAfter != null) {
      patch.set("stop_after", stopAfter);
    }
    String timingProblem = timing.addTo(patch, interval != null, false);
    if (timingProblem != null) {
      throw usageError(timingProblem);
    }
    String notifyProblem = notify.addTo(patch);
    if (notifyProblem != null) {
      throw usageError(notifyProblem);
    }
    if (patch.isEmpty()) {
      throw usageError(
          "nothing to change; give --name, --interval, --cron, --timezone, --jitter, --overlap,"
              + " --catch-up, --stop-after-date, --stop-after-runs, --notify-on, --notify-email,"
              + " --notify-webhook or --run-timeout");
    }
    JsonNode updated = api().patch(jobPath(jobId), patch);
    JobView.printJob(out(), updated, format());
    return 0;
  }
}
