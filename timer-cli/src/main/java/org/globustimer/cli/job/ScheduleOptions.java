package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.time.Times;
import picocli.CommandLine.Option;

/**
 * When a new timer runs and when it ends; shared by {@code job submit} and {@code job transfer}.
 */
final class ScheduleOptions {

  @Option(names = "--name", description = "A name to recognise the timer by (need not be unique).")
  String name;

  @Option(
      names = "--interval",
      paramLabel = "INTERVAL",
      converter = Converters.IntervalConverter.class,
      description = {
        "How often to run: seconds (600) or units (1w 2d 3h 4m 5s).",
        "Leave out to run once."
      })
  Duration interval;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      converter = Converters.TimeConverter.class,
      description = {
        "First run (default: now): YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS,",
        "optionally with an offset (+02:00, Z); T or a space; no offset = local time."
      })
  Instant start;

  @Option(
      names = "--stop-after-date",
      paramLabel = "TIME",
      converter = Converters.TimeConverter.class,
      description = "Run no more after this time (same formats as --start).")
  Instant stopAfterDate;

  @Option(
      names = "--stop-after-runs",
      paramLabel = "N",
      converter = Converters.RunCountConverter.class,
      description = "Stop after this many runs (at least 1).")
  Integer stopAfterRuns;

  /** The v1 create body without the action: name, start, interval, stop_after. */
  ObjectNode toJob(Instant now) {
    ObjectNode job = JsonNodeFactory.instance.objectNode();
    if (name != null) {
      job.put("name", name);
    }
    job.put("start", Times.format(start != null ? start : now));
    if (interval != null) {
      job.put("interval", interval.toSeconds());
    } else {
      job.putNull("interval");
    }
    ObjectNode stopAfter = stopAfter(stopAfterDate, stopAfterRuns);
    if (stopAfter != null) {
      job.set("stop_after", stopAfter);
    }
    return job;
  }

  static ObjectNode stopAfter(Instant date, Integer runs) {
    if (date == null && runs == null) {
      return null;
    }
    ObjectNode stopAfter = JsonNodeFactory.instance.objectNode();
    if (date != null) {
      stopAfter.put("date", Times.format(date));
    }
    if (runs != null) {
      stopAfter.put("n_runs", runs);
    }
    return stopAfter;
  }
}
