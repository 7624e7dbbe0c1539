package org.globustimer.server.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.globustimer.server.config.Settings;

/** The service's limits on a schedule: the shortest and longest interval, how far ahead a start. */
final class ScheduleChecks {

  private final Settings settings;
  private final Clock clock;

  ScheduleChecks(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  void schedule(
      Fields f,
      String startField,
      String intervalField,
      Instant start,
      Duration interval,
      Instant endAt) {
    if (interval != null) {
      interval(f, intervalField, interval);
    }
    Instant latestStart = clock.instant().plus(settings.maxStartAhead());
    if (start != null && start.isAfter(latestStart)) {
      f.problem(
          startField, "must be within " + settings.maxStartAhead().toDays() + " days from now");
    }
    if (start != null && endAt != null && endAt.isBefore(start)) {
      f.problem("stop_after", "the end (" + endAt + ") is before the start (" + start + ")");
    }
  }

  void interval(Fields f, String field, Duration interval) {
    if (interval.compareTo(settings.minInterval()) < 0) {
      f.problem(
          field,
          "must be at least " + settings.minInterval().toSeconds() + " seconds on this service");
    } else if (interval.compareTo(settings.maxInterval()) > 0) {
      f.problem(
          field,
          "must be at most " + settings.maxInterval().toSeconds() + " seconds on this service");
    }
  }
}
