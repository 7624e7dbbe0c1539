package org.globustimer.core.timer;

import java.time.Instant;

/** Which tick of a timer is due or comes next, within its end conditions (date and run count). */
final class Ticks {

  private Ticks() {}

  /**
   * The first tick strictly after {@code now} that the end conditions allow, or null. A one-off
   * timer's tick stays due until it has run: it runs late rather than not at all.
   */
  static Instant nextTick(TimerDefinition def, int runsSoFar, Instant now) {
    if (ranOut(def, runsSoFar)) {
      return null;
    }
    Instant tick = def.runsOnce() ? def.start() : def.schedule().firstAfter(now);
    return withinEnd(def, tick) ? tick : null;
  }

  /**
   * The tick to run now or next: the latest tick at or before {@code now} if there is one that was
   * missed since {@code lastRun}, else the next one. Missed ticks collapse into this one run.
   */
  static Instant dueTick(TimerDefinition def, int runsSoFar, Instant lastRun, Instant now) {
    if (ranOut(def, runsSoFar)) {
      return null;
    }
    if (def.runsOnce()) {
      return def.start();
    }
    Instant missed = def.schedule().latestAtOrBefore(now);
    boolean alreadyRun = missed != null && lastRun != null && !lastRun.isBefore(missed);
    if (missed != null && !alreadyRun && withinEnd(def, missed)) {
      return missed;
    }
    return nextTick(def, runsSoFar, now);
  }

  static boolean ranOut(TimerDefinition def, int runsSoFar) {
    return def.endRuns() != null && runsSoFar >= def.endRuns() || def.runsOnce() && runsSoFar > 0;
  }

  static boolean withinEnd(TimerDefinition def, Instant tick) {
    return tick != null && (def.endAt() == null || !tick.isAfter(def.endAt()));
  }

  /**
   * The tick after the one just fired at {@code tick}: the first after now, or with catch-up {@code
   * all} the next missed one still in the window.
   */
  static Instant following(TimerDefinition def, int runs, Instant tick, Instant now) {
    if (def.timing().catchUp() == CatchUpPolicy.ALL && !def.runsOnce() && !ranOut(def, runs)) {
      Instant next = def.schedule().firstAfter(tick);
      if (next != null && !next.isAfter(now) && withinEnd(def, next)) {
        return next;
      }
    }
    return nextTick(def, runs, now);
  }
}
