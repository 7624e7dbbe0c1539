package org.globustimer.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JitterTest {

  @Test
  void neverBeforeTheTickAlwaysWithinTheWindowAndTheSameEveryTime() {
    Generated g = new Generated(4);
    for (int i = 0; i < 5_000; i++) {
      String timer = "timer-" + g.between(0, 1_000_000);
      Instant tick = Instant.ofEpochMilli(g.between(0L, 4_000_000_000_000L));
      int window = g.oneOf(java.util.List.of(0, 1, 7, 60, 3600, 86_400));
      Instant fire = Jitter.fireAt(timer, tick, window);
      assertThat(fire).isAfterOrEqualTo(tick);
      if (window == 0) {
        assertThat(fire).isEqualTo(tick);
      } else {
        assertThat(Duration.between(tick, fire)).isLessThan(Duration.ofSeconds(window));
      }
      assertThat(
              Jitter.fireAt(new String(timer), Instant.ofEpochMilli(tick.toEpochMilli()), window))
          .isEqualTo(fire);
    }
  }

  @Test
  void spreadsTimersAndTicksOverTheWindow() {
    Set<Long> minutes = new HashSet<>();
    Instant tick = Instant.parse("2026-01-01T02:00:00Z");
    for (int i = 0; i < 200; i++) {
      minutes.add(Jitter.delay("timer-" + i, tick, 600).toSeconds() / 60);
    }
    assertThat(minutes).hasSize(10);
    Set<Duration> perTick = new HashSet<>();
    for (int day = 0; day < 50; day++) {
      perTick.add(Jitter.delay("one-timer", tick.plus(Duration.ofDays(day)), 600));
    }
    assertThat(perTick.size()).isGreaterThan(40);
  }
}
