package org.globustimer.core.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulesTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private static TimerDefinition every(Duration interval, Instant endAt, Integer endRuns) {
    return new TimerDefinition(
        "t",
        TimerType.GENERIC,
        1,
        START,
        interval,
        endAt,
        endRuns,
        "http://x/run",
        "{}",
        null,
        "{}",
        null,
        ResumePolicy.RUN_ONCE);
  }

  @Test
  void ticksStayOnTheGridWhenARunIsLate() {
    TimerDefinition def = every(Duration.ofSeconds(10), null, null);
    Instant lateRun = START.plusSeconds(11);
    assertThat(Ticks.nextTick(def, 1, lateRun)).isEqualTo(START.plusSeconds(20));
    assertThat(Ticks.nextTick(def, 2, START.plusSeconds(21))).isEqualTo(START.plusSeconds(30));
  }

  @Test
  void missedTicksCollapseIntoOneRunAtTheLatestOfThem() {
    TimerDefinition def = every(Duration.ofSeconds(10), null, null);
    Instant afterDowntime = START.plusSeconds(95);
    assertThat(Ticks.dueTick(def, 3, START.plusSeconds(20), afterDowntime))
        .isEqualTo(START.plusSeconds(90));
  }

  @Test
  void aTickAlreadyRunIsNotRunAgain() {
    TimerDefinition def = every(Duration.ofSeconds(10), null, null);
    assertThat(Ticks.dueTick(def, 1, START.plusSeconds(90), START.plusSeconds(95)))
        .isEqualTo(START.plusSeconds(100));
  }

  @Test
  void aFirstTickBeforeNowIsDueAtOnce() {
    TimerDefinition def = every(Duration.ofHours(8), null, null);
    TimerState state = Schedules.initial(def, START.plusSeconds(3600 * 20));
    assertThat(state.dueAt()).isEqualTo(START.plus(Duration.ofHours(16)));
  }

  @Test
  void theRunLimitEndsTheTimer() {
    TimerDefinition def = every(Duration.ofSeconds(10), null, 2);
    TimerState state = Schedules.initial(def, START);
    state = Schedules.fired(def, state, START.toEpochMilli(), START);
    assertThat(state.status()).isEqualTo(TimerStatus.LOADED);
    state = Schedules.submissionSettled(state, START.toEpochMilli(), false, false);
    Instant second = START.plusSeconds(10);
    state = Schedules.fired(def, state, second.toEpochMilli(), second);
    assertThat(state.nextRunAt()).isNull();
    state = Schedules.submissionSettled(state, second.toEpochMilli(), false, false);
    assertThat(state.status()).isEqualTo(TimerStatus.ENDED);
    assertThat(state.dueAt()).isNull();
  }

  @Test
  void aSkippedTickDoesNotCountTowardTheRunLimit() {
    TimerDefinition def = every(Duration.ofSeconds(10), null, 2);
    TimerState state = Schedules.initial(def, START);
    state = Schedules.fired(def, state, START.toEpochMilli(), START);
    state = Schedules.submissionSettled(state, START.toEpochMilli(), true, false);
    state = Overlaps.skipped(def, state, START.plusSeconds(10));
    assertThat(state.runs()).isEqualTo(1);
    assertThat(state.skipped()).isEqualTo(1);
    assertThat(state.nextRunAt()).isEqualTo(START.plusSeconds(20));
  }

  @Test
  void theEndDateStopsTicksAfterIt() {
    TimerDefinition def = every(Duration.ofSeconds(10), START.plusSeconds(15), null);
    assertThat(Ticks.nextTick(def, 1, START)).isEqualTo(START.plusSeconds(10));
    assertThat(Ticks.nextTick(def, 2, START.plusSeconds(10))).isNull();
  }

  @Test
  void resumeRunsATickMissedWhilePausedOnceOrWaits() {
    TimerDefinition def = every(Duration.ofSeconds(10), null, null);
    TimerState state = Schedules.initial(def, START);
    state = Schedules.fired(def, state, START.toEpochMilli(), START);
    state = Schedules.submissionSettled(state, START.toEpochMilli(), false, false);
    state = Commands.paused(state, "user", "paused");
    Instant later = START.plusSeconds(35);
    assertThat(Resumption.resumed(def, state, false, later).dueAt())
        .isEqualTo(START.plusSeconds(30));
    assertThat(Resumption.resumed(def, state, true, later).dueAt())
        .isEqualTo(START.plusSeconds(40));
  }

  @Test
  void retriesLastAtMostHalfTheIntervalAndFortyFiveMinutes() {
    assertThat(Lateness.retryWindow(every(Duration.ofSeconds(60), null, null)))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(Lateness.retryWindow(every(Duration.ofDays(1), null, null)))
        .isEqualTo(Duration.ofMinutes(45));
  }
}
