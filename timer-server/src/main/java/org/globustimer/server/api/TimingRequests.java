package org.globustimer.server.api;

import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.cron.CronExpression;
import org.globustimer.core.cron.CronSchedule;
import org.globustimer.core.cron.CronSyntaxException;
import org.globustimer.core.cron.Zones;
import org.globustimer.core.schedule.Cron;
import org.globustimer.core.timer.CatchUpPolicy;
import org.globustimer.core.timer.OverlapPolicy;
import org.globustimer.core.timer.Timing;

/**
 * Reads a timer's timing: a cron schedule ({@code cron} + {@code timezone} on v1, {@code schedule:
 * {"type": "cron", "expression", "timezone"}} on v2) and, on both, {@code jitter_seconds}, {@code
 * overlap_policy}, {@code catchup_policy} and {@code catchup_window_seconds}.
 */
final class TimingRequests {

  /** Consecutive ticks checked against the service's shortest interval. */
  private static final int GAPS_CHECKED = 200;

  private TimingRequests() {}

  /** A cron expression and its zone; null (with a problem recorded) when either is wrong. */
  static CronSchedule cron(Fields f, String expressionField, String zoneField) {
    String expression = f.text(expressionField, true);
    String zone = f.text(zoneField, false);
    return parsed(f, expressionField, expression, zoneField, zone == null ? "UTC" : zone);
  }

  private static CronSchedule parsed(
      Fields f, String expressionField, String expression, String zoneField, String zone) {
    CronExpression cron = null;
    if (expression != null) {
      try {
        cron = CronExpression.parse(expression);
      } catch (CronSyntaxException e) {
        f.problem(expressionField, e.getMessage());
      }
    }
    String zoneId = null;
    if (zone != null) {
      try {
        zoneId = Zones.parse(zone);
      } catch (CronSyntaxException e) {
        f.problem(zoneField, e.problem());
      }
    }
    return cron == null || zoneId == null ? null : new CronSchedule(cron, zoneId);
  }

  /** The policies (and jitter) of a new timer, with its cron schedule or null. */
  static Timing policies(Fields f, CronSchedule cron) {
    return new Timing(
        cron,
        TimingPolicies.jitter(f, 0),
        TimingPolicies.overlap(f, OverlapPolicy.SKIP),
        TimingPolicies.catchUp(f, CatchUpPolicy.ONE),
        TimingPolicies.window(f, null),
        null);
  }

  /** A change of the policies, the cron expression or the zone; the rest stays. */
  static Timing patch(Fields f, Timing current) {
    CronSchedule cron = current.cron();
    if (f.present("cron") || f.present("timezone")) {
      if (cron == null) {
        String field = f.present("cron") ? "cron" : "timezone";
        f.problem(field, "only a cron timer's schedule can change to another cron expression");
      } else {
        String expression = f.present("cron") ? f.text("cron", true) : cron.cron().text();
        String zone = f.present("timezone") ? f.text("timezone", true) : cron.zone();
        CronSchedule changed = parsed(f, "cron", expression, "timezone", zone);
        cron = changed == null ? cron : changed;
      }
    }
    return new Timing(
        cron,
        TimingPolicies.jitter(f, current.jitterSeconds()),
        TimingPolicies.overlap(f, current.overlap()),
        TimingPolicies.catchUp(f, current.catchUp()),
        f.present("catchup_window_seconds")
            ? TimingPolicies.window(f, null)
            : current.catchUpWindow(),
        current.jitterKey());
  }

  /** Refuses a cron schedule whose ticks come closer together than the service allows. */
  static void checkGaps(Fields f, String field, CronSchedule cron, Instant start, Duration min) {
    Cron schedule = new Cron(start, cron);
    Instant previous = schedule.firstAfter(start.minusNanos(1));
    for (int i = 0; previous != null && i < GAPS_CHECKED; i++) {
      Instant next = schedule.firstAfter(previous);
      if (next != null && Duration.between(previous, next).compareTo(min) < 0) {
        f.problem(
            field,
            "fires "
                + Duration.between(previous, next).toSeconds()
                + " s apart (at "
                + previous
                + " and "
                + next
                + "); this service allows runs at least "
                + min.toSeconds()
                + " s apart");
        return;
      }
      previous = next;
    }
  }
}
