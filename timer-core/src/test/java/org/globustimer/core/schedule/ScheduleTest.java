package org.globustimer.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  private static final Schedule EVERY_TEN_SECONDS = new Every(START, Duration.ofSeconds(10));

  @Test
  void ticksOfAnIntervalStayOnTheGridFromTheStart() {
    assertThat(EVERY_TEN_SECONDS.firstAfter(START.minusSeconds(100))).isEqualTo(START);
    assertThat(EVERY_TEN_SECONDS.firstAfter(START)).isEqualTo(START.plusSeconds(10));
    assertThat(EVERY_TEN_SECONDS.firstAfter(START.plusSeconds(11)))
        .isEqualTo(START.plusSeconds(20));
  }

  @Test
  void theLatestTickIsTheOneAtOrBeforeNow() {
    assertThat(EVERY_TEN_SECONDS.latestAtOrBefore(START.minusMillis(1))).isNull();
    assertThat(EVERY_TEN_SECONDS.latestAtOrBefore(START)).isEqualTo(START);
    assertThat(EVERY_TEN_SECONDS.latestAtOrBefore(START.plusSeconds(20)))
        .isEqualTo(START.plusSeconds(20));
    assertThat(EVERY_TEN_SECONDS.latestAtOrBefore(START.plusMillis(29_999)))
        .isEqualTo(START.plusSeconds(20));
  }

  @Test
  void aStartCenturiesAgoStillFindsTheLatestTick() {
    Instant yearZero = Instant.parse("0000-01-01T00:00:00Z");
    Schedule hourly = new Every(yearZero, Duration.ofHours(1));
    Instant now = Instant.parse("2030-01-01T00:30:00Z");
    assertThat(hourly.latestAtOrBefore(now)).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(hourly.firstAfter(now)).isEqualTo(Instant.parse("2030-01-01T01:00:00Z"));
  }

  @Test
  void aOneOffScheduleHasOneTick() {
    Schedule once = new Once(START);
    assertThat(once.firstAfter(START.minusSeconds(1))).isEqualTo(START);
    assertThat(once.firstAfter(START)).isNull();
    assertThat(once.latestAtOrBefore(START.minusSeconds(1))).isNull();
    assertThat(once.latestAtOrBefore(START.plusSeconds(1))).isEqualTo(START);
  }

  @Test
  void anIntervalMustBePositive() {
    assertThatThrownBy(() -> new Every(START, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
