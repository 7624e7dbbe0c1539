package org.globustimer.core.timer;

import java.time.Duration;
import org.globustimer.core.cron.CronSchedule;

/**
 * How a timer's ticks fall and fire beyond start, interval and end: a cron schedule in a zone
 * (instead of an interval), jitter, and the overlap and catch-up policies. {@code jitterKey} is the
 * timer's id: with the tick it decides the jitter, so every node computes the same instant.
 */
public record Timing(
    CronSchedule cron,
    int jitterSeconds,
    OverlapPolicy overlap,
    CatchUpPolicy catchUp,
    Duration catchUpWindow,
    String jitterKey) {

  /** How far back {@link CatchUpPolicy#ALL} reaches when no window is given. */
  public static final Duration DEFAULT_CATCH_UP_WINDOW = Duration.ofDays(1);

  public static final Timing DEFAULT =
      new Timing(null, 0, OverlapPolicy.SKIP, CatchUpPolicy.ONE, null, "");

  public Timing {
    if (jitterSeconds < 0) {
      throw new IllegalArgumentException("jitter_seconds must not be negative");
    }
    overlap = overlap == null ? OverlapPolicy.SKIP : overlap;
    catchUp = catchUp == null ? CatchUpPolicy.ONE : catchUp;
    jitterKey = jitterKey == null ? "" : jitterKey;
  }

  public Duration effectiveCatchUpWindow() {
    return catchUpWindow == null ? DEFAULT_CATCH_UP_WINDOW : catchUpWindow;
  }

  public Timing withJitterKey(String key) {
    return new Timing(cron, jitterSeconds, overlap, catchUp, catchUpWindow, key);
  }

  public Timing withCron(CronSchedule newCron) {
    return new Timing(newCron, jitterSeconds, overlap, catchUp, catchUpWindow, jitterKey);
  }
}
