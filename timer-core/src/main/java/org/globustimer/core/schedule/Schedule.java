package org.globustimer.core.schedule;

import java.time.Instant;

/**
 * When a timer's ticks fall, as pure arithmetic on instants. A tick is named by its instant; the
 * engine stores it as epoch milliseconds (a run's slot). End conditions (an end date, a run limit)
 * are the timer's, not the schedule's.
 */
public sealed interface Schedule permits Once, Every, Cron {

  /** The first tick strictly after {@code now}, or null when no tick follows. */
  Instant firstAfter(Instant now);

  /** The latest tick at or before {@code now}, or null when none has come yet. */
  Instant latestAtOrBefore(Instant now);
}
