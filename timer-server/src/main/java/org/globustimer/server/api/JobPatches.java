package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.Timing;
import org.globustimer.server.config.Settings;

/**
 * {@code PATCH /jobs/{id}}: the name, interval or cron schedule, policies, end, run timeout and
 * notification settings may change; what the timer does may not.
 */
final class JobPatches {

  private final Settings settings;
  private final Clock clock;
  private final NotifyRequests notify;
  private final ScheduleChecks checks;

  JobPatches(Settings settings, Clock clock, NotifyRequests notify, ScheduleChecks checks) {
    this.settings = settings;
    this.clock = clock;
    this.notify = notify;
    this.checks = checks;
  }

  TimerDefinition patch(TimerDefinition current, JsonNode request) {
    Problems problems = new Problems();
    Fields f = Fields.ofBody(JobRequests.requireObject(request), problems);
    for (String fixed :
        new String[] {
          "callback_url", "callback_body", "start", "scope", "timer_type", "schedule", "body"
        }) {
      if (f.present(fixed)) {
        f.problem(fixed, "cannot be changed; create a new timer instead");
      }
    }
    String name = f.present("name") ? f.text("name", false) : current.name();
    Duration interval = current.interval();
    if (f.present("interval")) {
      interval = f.seconds("interval");
      if (current.runsOnce()) {
        f.problem("interval", "a timer that runs once has no interval to change");
      } else if (current.isCron()) {
        f.problem("interval", "a cron timer has no interval; change cron instead");
      }
    }
    Instant endAt = current.endAt();
    Integer endRuns = current.endRuns();
    JsonNode stopAfter = f.raw("stop_after");
    if (stopAfter != null && stopAfter.isObject()) {
      Fields end = f.nested("stop_after");
      if (end.raw("date") != null) {
        endAt = end.time("date", false);
      }
      if (end.raw("n_runs") != null) {
        endRuns = end.positiveInt("n_runs");
      }
    } else if (stopAfter != null && stopAfter.isTextual()) {
      endAt = f.time("stop_after", false);
    } else if (stopAfter != null && stopAfter.isNull()) {
      endAt = null;
      endRuns = null;
    } else if (stopAfter != null) {
      f.problem("stop_after", "must be an ISO 8601 date or an object {\"date\", \"n_runs\"}");
    }
    if (f.raw("stop_after_n") != null) {
      endRuns = f.positiveInt("stop_after_n");
    }
    if (interval != null && !current.runsOnce()) {
      checks.interval(f, "interval", interval);
    }
    if (endAt != null && endAt.isBefore(current.start())) {
      f.problem("stop_after", "the end must not be before the start (" + current.start() + ")");
    }
    Timing timing = TimingRequests.patch(f, current.timing());
    if (timing.cron() != null && !timing.cron().equals(current.timing().cron())) {
      TimingRequests.checkGaps(f, "cron", timing.cron(), clock.instant(), settings.minInterval());
    }
    NotifyRequests.Own own = notify.read(f, NotifyRequests.Own.of(current));
    problems.throwIfAny();
    return own.applyTo(
        current.withName(name).withSchedule(interval, endAt, endRuns).withTiming(timing));
  }
}
