package org.globustimer.benchpeers;

import java.time.Instant;

/** Wall-clock instants as epoch microseconds, the unit every measurement here is kept in. */
final class Micros {

  private Micros() {}

  static long of(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  static long now() {
    return of(Instant.now());
  }

  static void sleepUntil(long micros) throws InterruptedException {
    long millis = (micros - now()) / 1000;
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
