package org.globustimer.core.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.cron.CronSchedule;
import org.globustimer.core.cron.Jitter;
import org.junit.jupiter.api.Test;

/** Cron timers, jitter and the overlap and catch-up policies, as pure state transitions. */
class TimingPoliciesTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private static TimerDefinition cron(String expression, String zone, Timing timing) {
    return new TimerDefinition(
        "t",
        TimerType.GENERIC,
        2,
        START,
        null,
        null,
        null,
        "http://x/run",
        "{}",
        null,
        "{}",
        null,
        ResumePolicy.RUN_ONCE,
        timing.withCron(CronSchedule.parse(expression, zone)).withJitterKey("timer-1"));
  }

  private static Timing timing(
      int jitter, OverlapPolicy overlap, CatchUpPolicy catchUp, Duration window) {
    return new Timing(null, jitter, overlap, catchUp, window, null);
  }

  private static final Timing DEFAULTS = Timing.DEFAULT;

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Test
  void aCronTimerIsDueAtItsFirstLocalTick() {
    TimerDefinition def = cron("0 2 * * *", "Europe/Berlin", DEFAULTS);
    TimerState s = Schedules.initial(def, START);
    assertThat(s.nextRunAt()).isEqualTo(at("2030-01-01T01:00:00Z"));
    assertThat(s.nextSlot()).isEqualTo(at("2030-01-01T01:00:00Z").toEpochMilli());
    TimerState fired = Schedules.fired(def, s, s.nextSlot(), at("2030-01-01T01:00:00.050Z"));
    assertThat(fired.nextRunAt()).isEqualTo(at("2030-01-02T01:00:00Z"));
  }

  @Test
  void jitterMovesTheFireInstantButNotTheTick() {
    TimerDefinition def = cron("0 2 * * *", "UTC", timing(600, null, null, null));
    TimerState s = Schedules.initial(def, START);
    Instant tick = at("2030-01-01T02:00:00Z");
    assertThat(s.nextSlot()).isEqualTo(tick.toEpochMilli());
    assertThat(s.nextRunAt()).isEqualTo(Jitter.fireAt("timer-1", tick, 600));
    assertThat(s.dueAt()).isEqualTo(s.nextRunAt()).isAfterOrEqualTo(tick);
    assertThat(s.dueAt()).isBefore(tick.plusSeconds(600));
    TimerState settled =
        Schedules.submissionSettled(
            Schedules.fired(def, s, s.nextSlot(), s.dueAt()), s.nextSlot(), false, false);
    Instant nextTick = at("2030-01-02T02:00:00Z");
    assertThat(settled.nextSlot()).isEqualTo(nextTick.toEpochMilli());
    assertThat(settled.dueAt()).isEqualTo(Jitter.fireAt("timer-1", nextTick, 600));
  }

  @Test
  void catchUpOneFiresTheLatestMissedTick() {
    TimerDefinition def = cron("0 * * * *", "UTC", DEFAULTS);
    Instant due = at("2030-01-01T03:00:00Z");
    Instant backUp = at("2030-01-01T07:20:00Z");
    assertThat(Lateness.tickToFire(def, due, backUp)).isEqualTo(at("2030-01-01T07:00:00Z"));
  }

  @Test
  void catchUpNoneDropsMissedTicksButNotALateOne() {
    TimerDefinition def = cron("0 * * * *", "UTC", timing(0, null, CatchUpPolicy.NONE, null));
    Instant due = at("2030-01-01T03:00:00Z");
    assertThat(Lateness.tickToFire(def, due, at("2030-01-01T07:20:00Z"))).isNull();
    assertThat(Lateness.tickToFire(def, due, at("2030-01-01T03:00:30Z"))).isEqualTo(due);
    TimerState s = Schedules.scheduledAt(def, Schedules.initial(def, START), due);
    TimerState dropped = Lateness.missed(def, s, at("2030-01-01T07:20:00Z"));
    assertThat(dropped.nextRunAt()).isEqualTo(at("2030-01-01T08:00:00Z"));
    assertThat(dropped.runs()).isZero();
  }

  @Test
  void catchUpAllRunsEveryMissedTickInTheWindowOldestFirst() {
    TimerDefinition def =
        cron("0 * * * *", "UTC", timing(0, null, CatchUpPolicy.ALL, Duration.ofHours(3)));
    Instant due = at("2030-01-01T01:00:00Z");
    Instant now = at("2030-01-01T07:20:00Z");
    // 01:00..04:00 are older than the 3-hour window; 05:00, 06:00 and 07:00 run
    Instant first = Lateness.tickToFire(def, due, now);
    assertThat(first).isEqualTo(at("2030-01-01T05:00:00Z"));
    TimerState s = Schedules.scheduledAt(def, Schedules.initial(def, START), due);
    TimerState afterFirst = Schedules.fired(def, s, first.toEpochMilli(), now);
    assertThat(afterFirst.nextRunAt()).isEqualTo(at("2030-01-01T06:00:00Z"));
    TimerState afterSecond =
        Schedules.fired(def, afterFirst, afterFirst.nextSlot(), now.plusSeconds(1));
    assertThat(afterSecond.nextRunAt()).isEqualTo(at("2030-01-01T07:00:00Z"));
    TimerState afterThird =
        Schedules.fired(def, afterSecond, afterSecond.nextSlot(), now.plusSeconds(2));
    assertThat(afterThird.nextRunAt()).isEqualTo(at("2030-01-01T08:00:00Z"));
    assertThat(afterThird.runs()).isEqualTo(3);
  }

  @Test
  void resumingWithCatchUpAllStartsAtTheOldestMissedTick() {
    TimerDefinition def =
        cron("0 * * * *", "UTC", timing(0, null, CatchUpPolicy.ALL, Duration.ofDays(1)));
    TimerState s = Schedules.initial(def, START);
    TimerState.Builder b = Commands.paused(s, "user", "paused").toBuilder();
    b.lastRanAt = at("2030-01-01T02:00:00Z");
    TimerState resumed = Resumption.resumed(def, b.build(), false, at("2030-01-01T05:30:00Z"));
    assertThat(resumed.nextRunAt()).isEqualTo(at("2030-01-01T03:00:00Z"));

    TimerDefinition none = cron("0 * * * *", "UTC", timing(0, null, CatchUpPolicy.NONE, null));
    assertThat(Resumption.resumed(none, b.build(), false, at("2030-01-01T05:30:00Z")).nextRunAt())
        .isEqualTo(at("2030-01-01T06:00:00Z"));
  }

  private static TimerState running(TimerDefinition def) {
    TimerState s = Schedules.initial(def, START);
    TimerState.Builder b = s.toBuilder();
    b.activeSlot = at("2030-01-01T00:00:00Z").toEpochMilli();
    b.status = TimerStatus.LOADED;
    return b.build();
  }

  @Test
  void bufferOneHoldsOneTickUntilTheRunEnds() {
    TimerDefinition def =
        cron("*/10 * * * *", "UTC", timing(0, OverlapPolicy.BUFFER_ONE, null, null));
    TimerState s = running(def);
    long tick = at("2030-01-01T00:10:00Z").toEpochMilli();
    TimerState buffered = Overlaps.buffered(def, s, tick, at("2030-01-01T00:10:00Z"));
    assertThat(buffered.pendingSlot()).isEqualTo(tick);
    assertThat(buffered.dueAt()).isNull();
    // the run ends at 00:25, after the 00:20 tick: the buffered run is due now, 00:20 is dropped
    TimerState released =
        Overlaps.actionFinished(def, buffered, s.activeSlot(), false, at("2030-01-01T00:25:00Z"));
    assertThat(released.dueAt()).isEqualTo(at("2030-01-01T00:25:00Z"));
    assertThat(released.pendingSlot()).isEqualTo(tick);
    assertThat(released.nextRunAt()).isEqualTo(at("2030-01-01T00:30:00Z"));
  }

  @Test
  void runNowObeysTheOverlapPolicyAndLeavesTheGrid() {
    Instant now = at("2030-01-01T00:03:00Z");
    TimerDefinition skip = cron("*/10 * * * *", "UTC", DEFAULTS);
    TimerState idle = Schedules.initial(skip, START);
    TimerState.Builder loaded = idle.toBuilder();
    loaded.status = TimerStatus.LOADED;
    Commands.Transition accepted = Commands.runNow(row(skip, loaded.build()), now);
    assertThat(accepted).isInstanceOf(Commands.Transition.Changed.class);
    TimerState s = stateOf(accepted);
    assertThat(s.pendingSlot()).isEqualTo(now.toEpochMilli());
    assertThat(s.dueAt()).isEqualTo(now);
    assertThat(s.nextSlot()).isEqualTo(idle.nextSlot());
    assertThat(s.runs()).isEqualTo(idle.runs());
    TimerState settled = Schedules.submissionSettled(s, s.pendingSlot(), false, false);
    assertThat(settled.dueAt()).isEqualTo(idle.nextRunAt());

    assertThat(Commands.runNow(row(skip, running(skip)), now))
        .isInstanceOf(Commands.Transition.Refused.class);
    TimerDefinition buffer =
        cron("*/10 * * * *", "UTC", timing(0, OverlapPolicy.BUFFER_ONE, null, null));
    TimerState held = stateOf(Commands.runNow(row(buffer, running(buffer)), now));
    assertThat(held.pendingSlot()).isNotNull();
    assertThat(held.dueAt()).as("buffered behind the run in progress").isNull();
    TimerDefinition all =
        cron("*/10 * * * *", "UTC", timing(0, OverlapPolicy.ALLOW_ALL, null, null));
    assertThat(stateOf(Commands.runNow(row(all, running(all)), now)).dueAt()).isEqualTo(now);
  }

  private static TimerRow row(TimerDefinition definition, TimerState state) {
    return new TimerRow(java.util.UUID.randomUUID(), "owner", START, definition, state);
  }

  private static TimerState stateOf(Commands.Transition transition) {
    return ((Commands.Transition.Changed) transition).timer().state();
  }

  @Test
  void cronRetryWindowIsHalfTheGapBetweenTicks() {
    assertThat(Lateness.retryWindow(cron("*/10 * * * *", "UTC", DEFAULTS)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(Lateness.retryWindow(cron("0 2 * * *", "UTC", DEFAULTS)))
        .isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void endAfterACountAndAnEndDateApplyToCron() {
    TimerDefinition base = cron("0 2 * * *", "UTC", DEFAULTS);
    TimerDefinition twice =
        new TimerDefinition(
            "t",
            TimerType.GENERIC,
            2,
            START,
            null,
            null,
            2,
            "http://x/run",
            "{}",
            null,
            "{}",
            null,
            ResumePolicy.RUN_ONCE,
            base.timing());
    assertThat(Ticks.nextTick(twice, 2, START)).isNull();
    TimerDefinition untilJan2 =
        new TimerDefinition(
            "t",
            TimerType.GENERIC,
            2,
            START,
            null,
            at("2030-01-02T12:00:00Z"),
            null,
            "http://x/run",
            "{}",
            null,
            "{}",
            null,
            ResumePolicy.RUN_ONCE,
            base.timing());
    assertThat(Ticks.nextTick(untilJan2, 1, at("2030-01-01T03:00:00Z")))
        .isEqualTo(at("2030-01-02T02:00:00Z"));
    assertThat(Ticks.nextTick(untilJan2, 2, at("2030-01-02T03:00:00Z"))).isNull();
  }
}
