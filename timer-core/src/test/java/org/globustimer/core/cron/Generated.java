package org.globustimer.core.cron;

import java.util.List;
import java.util.Random;

/**
 * Seeded case generation for the property tests: each run checks the same cases, and {@code
 * -Dcron.seed=N} explores others. A failure names its seed and case so it can be replayed.
 */
final class Generated {

  static final long SEED = Long.getLong("cron.seed", 20_261_201L);

  private final Random random;

  Generated(long salt) {
    this.random = new Random(SEED * 31 + salt);
  }

  <T> T oneOf(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  long between(long min, long max) {
    return min + (long) (random.nextDouble() * (max - min + 1));
  }
}
