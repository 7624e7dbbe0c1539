package org.globustimer.benchpeers;

import java.time.Duration;
import java.time.Instant;

/**
 * N recurring jobs on one interval, their starts spread evenly over the first interval so that
 * together they fire at a steady rate. Job {@code i} ticks at {@code start(i) + k × interval}.
 */
record Workload(int jobs, double rate, Instant firstStart) {

  Workload {
    if (jobs / rate < 1) {
      throw new IllegalArgumentException("jobs / rate must be at least 1 second");
    }
  }

  Duration interval() {
    return Duration.ofMillis(intervalMillis());
  }

  long intervalMillis() {
    return Math.round(jobs / rate * 1000);
  }

  long intervalMicros() {
    return intervalMillis() * 1000;
  }

  Instant start(int job) {
    return firstStart.plusMillis(intervalMillis() * job / jobs);
  }

  long startMicros(int job) {
    return Micros.of(start(job));
  }

  /**
   * The first tick of {@code job} strictly after {@code after}: fixed rate, missed ticks skipped.
   */
  Instant nextTickAfter(int job, Instant after) {
    long start = start(job).toEpochMilli();
    long at = after.toEpochMilli();
    if (at < start) {
      return start(job);
    }
    long interval = intervalMillis();
    return Instant.ofEpochMilli(start + ((at - start) / interval + 1) * interval);
  }
}
