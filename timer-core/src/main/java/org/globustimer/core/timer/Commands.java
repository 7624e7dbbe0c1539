package org.globustimer.core.timer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What an owner's command does to a timer, as pure functions of the timer and the time: each
 * answers a {@link Transition} that the API writes (version-checked) or refuses with. The engine's
 * own changes (fired, settled, finished) are {@link Schedules}'.
 */
public final class Commands {

  private Commands() {}

  /** The result of a command on one timer. */
  public sealed interface Transition {
    /** Nothing to write: the timer already is where the command would put it. */
    record Unchanged(TimerRow timer) implements Transition {}

    /** The timer as it must be written. */
    record Changed(TimerRow timer) implements Transition {}

    /** The command does not apply to the timer as it is; the reason is for the caller. */
    record Refused(String reason) implements Transition {}
  }

  /** Pause: nothing fires until resumed; pausing a paused timer changes nothing. */
  public static Transition pause(TimerRow timer) {
    TimerStatus status = timer.state().status();
    if (status == TimerStatus.INACTIVE) {
      return new Transition.Unchanged(timer);
    }
    if (!status.isScheduled()) {
      return refused(timer, "cannot be paused");
    }
    return changed(timer, paused(timer.state(), "user", "paused by its owner"));
  }

  /**
   * Resume with {@code policy}, or the timer's own resume policy when null: a tick missed while
   * paused runs once now, unless the policy says to wait for the next one.
   */
  public static Transition resume(TimerRow timer, ResumePolicy policy, Instant now) {
    TimerStatus status = timer.state().status();
    if (status.isScheduled()) {
      return new Transition.Unchanged(timer);
    }
    if (status != TimerStatus.INACTIVE) {
      return refused(timer, "cannot be resumed");
    }
    ResumePolicy effective = policy != null ? policy : timer.definition().resumePolicy();
    boolean waitForNext = effective == ResumePolicy.WAIT_FOR_NEXT_SCHEDULED;
    return changed(timer, Resumption.resumed(timer.definition(), timer.state(), waitForNext, now));
  }

  /** Replace the definition; a changed schedule or end re-plans the next tick from now. */
  public static Transition update(TimerRow timer, TimerDefinition definition, Instant now) {
    if (timer.state().status() == TimerStatus.DELETED) {
      return refused(timer, "cannot change");
    }
    TimerState state =
        scheduleChanged(timer.definition(), definition)
            ? replanned(definition, timer.state(), now)
            : timer.state();
    return new Transition.Changed(timer.with(definition).with(state));
  }

  /** Soft delete: kept and readable, never fires again. */
  public static Transition delete(TimerRow timer) {
    return changed(timer, deleted(timer.state()));
  }

  /**
   * One extra run at {@code now}, outside the grid: the next tick stays where it was. It obeys the
   * overlap policy and is not counted against an end after a number of runs. The accepted run is
   * the new state's pending slot; it waits for the run in progress when its due time is unset.
   */
  public static Transition runNow(TimerRow timer, Instant now) {
    TimerState s = timer.state();
    if (!s.status().isScheduled()) {
      return new Transition.Refused(
          "the timer is " + s.status().name().toLowerCase(Locale.ROOT) + "; resume it first");
    }
    if (s.pendingSlot() != null) {
      return new Transition.Refused("a run of this timer is already waiting to be submitted");
    }
    boolean running = s.activeSlot() != null;
    OverlapPolicy overlap = timer.definition().timing().overlap();
    if (running && overlap == OverlapPolicy.SKIP) {
      return new Transition.Refused(
          "the previous run is still in progress and the overlap policy is skip");
    }
    long slot = now.toEpochMilli();
    if (s.nextSlot() != null && s.nextSlot() == slot) {
      slot++; // never the same slot as the coming tick
    }
    boolean buffer = running && overlap == OverlapPolicy.BUFFER_ONE;
    TimerState.Builder b = s.toBuilder();
    b.pendingSlot = slot;
    b.dueAt = buffer ? null : now;
    return changed(timer, b.build());
  }

  /** Paused by the owner or by the service (credentials refused): nothing fires until resumed. */
  public static TimerState paused(TimerState s, String cause, String detail) {
    TimerState.Builder b = s.toBuilder();
    b.status = TimerStatus.INACTIVE;
    b.inactiveCause = cause;
    b.inactiveDetail = detail;
    b.dueAt = null;
    return b.released().build();
  }

  static TimerState replanned(TimerDefinition def, TimerState s, Instant now) {
    TimerState.Builder b = s.toBuilder();
    if (b.status.isScheduled() || b.status == TimerStatus.ENDED) {
      b.status = TimerStatus.UPDATED;
    }
    return Schedules.scheduledAt(def, b.released().build(), Ticks.nextTick(def, s.runs(), now));
  }

  static TimerState deleted(TimerState s) {
    TimerState.Builder b = s.toBuilder();
    b.status = TimerStatus.DELETED;
    b.dueAt = null;
    b.nextSlot = null;
    b.nextRunAt = null;
    return b.released().build();
  }

  private static boolean scheduleChanged(TimerDefinition before, TimerDefinition after) {
    return !Objects.equals(before.interval(), after.interval())
        || !Objects.equals(before.timing().cron(), after.timing().cron())
        || before.timing().jitterSeconds() != after.timing().jitterSeconds()
        || !Objects.equals(before.endAt(), after.endAt())
        || !Objects.equals(before.endRuns(), after.endRuns());
  }

  private static Transition changed(TimerRow timer, TimerState state) {
    return new Transition.Changed(timer.with(state));
  }

  private static Transition refused(TimerRow timer, String what) {
    return new Transition.Refused(
        "timer " + timer.id() + " is " + timer.state().status().wire() + " and " + what);
  }
}
