package org.globustimer.core.schedule;

import java.time.Instant;
import org.globustimer.core.cron.CronSchedule;

/**
 * Ticks where a cron expression matches the local time of a zone, from {@code start} on (a tick at
 * the start itself counts). The daylight-saving rules are {@link CronSchedule}'s.
 */
public record Cron(Instant start, CronSchedule cron) implements Schedule {

  @Override
  public Instant firstAfter(Instant now) {
    return now.isBefore(start) ? cron.firstAtOrAfter(start) : cron.nextAfter(now);
  }

  @Override
  public Instant latestAtOrBefore(Instant now) {
    Instant latest = cron.latestAtOrBefore(now);
    return latest == null || latest.isBefore(start) ? null : latest;
  }
}
