package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
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

  static final int MAX_JITTER_SECONDS = 86_400;

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
        jitter(f, 0),
        overlap(f, OverlapPolicy.SKIP),
        catchUp(f, CatchUpPolicy.ONE),
        window(f, null),
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
        jitter(f, current.jitterSeconds()),
        overlap(f, current.overlap()),
        catchUp(f, current.catchUp()),
        f.present("catchup_window_seconds") ? window(f, null) : current.catchUpWindow(),
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

  private static int jitter(Fields f, int current) {
    JsonNode value = f.raw("jitter_seconds");
    if (value == null) {
      return current;
    }
    if (value.isNull()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      f.problem("jitter_seconds", "must be a whole number of seconds, such as 300");
      return current;
    }
    int seconds = value.asInt();
    if (seconds < 0 || seconds > MAX_JITTER_SECONDS) {
      f.problem("jitter_seconds", "must be between 0 and " + MAX_JITTER_SECONDS + " seconds");
      return current;
    }
    return seconds;
  }

  private static OverlapPolicy overlap(Fields f, OverlapPolicy current) {
    String text = f.text("overlap_policy", false);
    if (text == null) {
      return current;
    }
    try {
      return OverlapPolicy.fromWire(text);
    } catch (IllegalArgumentException e) {
      f.problem("overlap_policy", e.getMessage());
      return current;
    }
  }

  private static CatchUpPolicy catchUp(Fields f, CatchUpPolicy current) {
    String text = f.text("catchup_policy", false);
    if (text == null) {
      return current;
    }
    try {
      return CatchUpPolicy.fromWire(text);
    } catch (IllegalArgumentException e) {
      f.problem("catchup_policy", e.getMessage());
      return current;
    }
  }

  private static Duration window(Fields f, Duration current) {
    if (!f.present("catchup_window_seconds")) {
      return current;
    }
    Duration window = f.seconds("catchup_window_seconds");
    return window == null ? current : window;
  }
}
