package org.globustimer.core.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandsTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant LATER = START.plusSeconds(95);

  private static TimerDefinition every(Duration interval) {
    return new TimerDefinition(
        "t",
        TimerType.GENERIC,
        1,
        START,
        interval,
        null,
        null,
        "http://x/run",
        "{}",
        null,
        "{}",
        null,
        ResumePolicy.RUN_ONCE);
  }

  private static TimerRow timer(TimerDefinition def) {
    return new TimerRow(UUID.randomUUID(), "owner", START, def, Schedules.initial(def, START));
  }

  private static TimerRow after(Commands.Transition transition) {
    assertThat(transition).isInstanceOf(Commands.Transition.Changed.class);
    return ((Commands.Transition.Changed) transition).timer();
  }

  @Test
  void pausingStopsFiringAndPausingAgainChangesNothing() {
    TimerRow paused = after(Commands.pause(timer(every(Duration.ofSeconds(10)))));
    assertThat(paused.state().status()).isEqualTo(TimerStatus.INACTIVE);
    assertThat(paused.state().inactiveCause()).isEqualTo("user");
    assertThat(paused.state().dueAt()).isNull();
    assertThat(Commands.pause(paused)).isEqualTo(new Commands.Transition.Unchanged(paused));
  }

  @Test
  void aDeletedTimerCannotBePausedResumedOrChanged() {
    TimerRow deleted = after(Commands.delete(timer(every(Duration.ofSeconds(10)))));
    assertThat(deleted.state().status()).isEqualTo(TimerStatus.DELETED);
    assertThat(deleted.state().nextRunAt()).isNull();
    String expected = "timer " + deleted.id() + " is deleted and cannot ";
    assertThat(Commands.pause(deleted))
        .isEqualTo(new Commands.Transition.Refused(expected + "be paused"));
    assertThat(Commands.resume(deleted, null, LATER))
        .isEqualTo(new Commands.Transition.Refused(expected + "be resumed"));
    assertThat(Commands.update(deleted, deleted.definition(), LATER))
        .isEqualTo(new Commands.Transition.Refused(expected + "change"));
  }

  @Test
  void resumingRunsTheMissedTickOnceUnlessAskedToWait() {
    TimerRow paused = after(Commands.pause(timer(every(Duration.ofSeconds(10)))));
    TimerRow runOnce = after(Commands.resume(paused, null, LATER));
    assertThat(runOnce.state().status().isScheduled()).isTrue();
    assertThat(runOnce.state().dueAt()).isEqualTo(START.plusSeconds(90));
    TimerRow waiting = after(Commands.resume(paused, ResumePolicy.WAIT_FOR_NEXT_SCHEDULED, LATER));
    assertThat(waiting.state().dueAt()).isEqualTo(START.plusSeconds(100));
    assertThat(Commands.resume(runOnce, null, LATER))
        .isEqualTo(new Commands.Transition.Unchanged(runOnce));
  }

  @Test
  void anUpdateReplansOnlyWhenTheScheduleChanges() {
    TimerRow timer = timer(every(Duration.ofSeconds(10)));
    TimerRow same = after(Commands.update(timer, timer.definition(), LATER));
    assertThat(same.state()).isSameAs(timer.state());
    TimerRow slower = after(Commands.update(timer, every(Duration.ofSeconds(60)), LATER));
    assertThat(slower.state().status()).isEqualTo(TimerStatus.UPDATED);
    assertThat(slower.state().dueAt()).isEqualTo(START.plusSeconds(120));
  }

  @Test
  void runNowTakesASlotOffTheGridAndRefusesAPausedTimer() {
    TimerRow timer = timer(every(Duration.ofSeconds(10)));
    TimerRow started = after(Commands.runNow(timer, LATER));
    assertThat(started.state().pendingSlot()).isEqualTo(LATER.toEpochMilli());
    assertThat(started.state().nextSlot()).isEqualTo(timer.state().nextSlot());
    TimerRow paused = after(Commands.pause(timer));
    assertThat(Commands.runNow(paused, LATER)).isInstanceOf(Commands.Transition.Refused.class);
  }
}
