package org.globustimer.server.engine;

import static org.globustimer.server.engine.Holding.bumped;

import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.cron.Jitter;
import org.globustimer.core.timer.Lateness;
import org.globustimer.core.timer.Overlaps;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.Schedules;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires a timer this node holds when it is due: records the run for the tick (one row per tick,
 * whoever fires it) together with the timer's next tick, submits it with the tick's request id,
 * then records the answer. The engine keeps the row it last wrote, so the usual firing reads
 * nothing; every write is checked against the row's version, and a change by someone else (an API
 * call, the monitor, another node) makes it read the row again. A run left pending by a crash or a
 * transient failure is submitted again with the same request id, which the provider treats as the
 * same action.
 */
final class Firing {

  private static final Logger log = LoggerFactory.getLogger(Firing.class);
  private static final int ATTEMPTS = 8;

  private final EngineContext context;
  private final Holding holding;
  private final Submission submission;

  Firing(EngineContext context) {
    this.context = context;
    this.holding = new Holding(context);
    this.submission = new Submission(context, holding);
  }

  /** Acts on a held timer; returns the row to fire again if this node keeps it, else null. */
  TimerRow fire(TimerRow held) {
    TimerRow row = held;
    for (int attempt = 0; attempt < ATTEMPTS && row != null; attempt++) {
      Outcome outcome = step(row);
      switch (outcome) {
        case Outcome.Done done -> {
          return done.kept();
        }
        case Outcome.Submit submit -> {
          return submission.submit(submit.timer(), submit.run());
        }
        case Outcome.Changed changed -> row = holding.reread(row.id());
      }
    }
    if (row != null) {
      log.warn("timer {} kept changing while firing; leaving it to the next claim", held.id());
    }
    return null;
  }

  private sealed interface Outcome {
    record Done(TimerRow kept) implements Outcome {}

    record Submit(TimerRow timer, RunRow run) implements Outcome {}

    record Changed() implements Outcome {}
  }

  private Outcome step(TimerRow timer) {
    TimerState s = timer.state();
    Instant now = context.clock().instant();
    if (!context.nodeId().equals(s.claimedBy())) {
      return new Outcome.Done(null);
    }
    if (s.dueAt() == null || !s.status().isScheduled()) {
      return write(timer, s);
    }
    if (s.dueAt().isAfter(now)) {
      return s.dueAt().isAfter(now.plus(context.horizon()))
          ? write(timer, s)
          : new Outcome.Done(timer);
    }
    if (s.pendingSlot() != null) {
      long slot = s.pendingSlot();
      RunRow pending =
          context
              .store()
              .read(tx -> tx.findRun(timer.id(), slot))
              .orElseGet(() -> newRun(timer, slot, now));
      if (!pending.state().isFinal()) {
        return resend(timer, pending, now);
      }
      return write(timer, Schedules.submissionSettled(s, slot, false, false));
    }
    TimerDefinition def = timer.definition();
    Instant tick = Lateness.tickToFire(def, Instant.ofEpochMilli(s.nextSlot()), now);
    if (tick == null) {
      return write(timer, Lateness.missed(def, s, now));
    }
    long slot = tick.toEpochMilli();
    if (s.activeSlot() != null) {
      switch (def.timing().overlap()) {
        case SKIP -> {
          Outcome skipped = write(timer, Overlaps.skipped(def, s, now));
          if (skipped instanceof Outcome.Done) {
            context.events().skipped(timer);
          }
          return skipped;
        }
        case BUFFER_ONE -> {
          return write(timer, Overlaps.buffered(def, s, slot, now));
        }
        case ALLOW_ALL -> {
          // a second run starts beside the one in progress
        }
      }
    }
    // Only the timer is written before the call: its pending slot is what a crash of this node
    // leaves behind, and whoever holds the timer next submits that tick again with the same request
    // id. The run row is written once, with the provider's answer. This write need not wait for the
    // database's flush: other nodes see it once it returns, and if a crash of the database takes it
    // back (before the answer's flushed commit flushes it too) the tick is due again and is
    // submitted again with that same request id, as after a crash of this node.
    TimerState fired = holding.withClaim(Schedules.fired(timer.definition(), s, slot, now), now);
    boolean written =
        context
            .store()
            .writerWithoutFlush()
            .run(tx -> tx.updateState(timer.id(), s.version(), fired));
    if (!written) {
      return new Outcome.Changed();
    }
    Instant firesAt = Jitter.fireAt(def.timing().jitterKey(), tick, def.timing().jitterSeconds());
    context.events().fired(timer, Duration.between(firesAt, now));
    return new Outcome.Submit(timer.with(bumped(fired)), newRun(timer, slot, now));
  }

  /**
   * Submits a pending run again (its node stopped mid-submission, or a retry); ticks missed since
   * collapse into it, so a taken-over timer runs once for the stretch its node was gone.
   */
  private Outcome resend(TimerRow timer, RunRow pending, Instant now) {
    TimerState s = timer.state();
    TimerState collapsed = Lateness.resent(timer.definition(), s, now);
    if (collapsed.equals(s)) {
      return new Outcome.Submit(timer, pending);
    }
    TimerState claimed = holding.withClaim(collapsed, now);
    boolean written = context.writer().run(tx -> tx.updateState(timer.id(), s.version(), claimed));
    return written
        ? new Outcome.Submit(timer.with(bumped(claimed)), pending)
        : new Outcome.Changed();
  }

  private RunRow newRun(TimerRow timer, long slot, Instant now) {
    return RunRow.submitting(
        timer.id(),
        slot,
        Instant.ofEpochMilli(slot),
        RequestIds.of(timer.id(), slot),
        now,
        now.plus(Lateness.retryWindow(timer.definition())));
  }

  /** Writes a state change that needs no submission, keeping or releasing the claim. */
  private Outcome write(TimerRow timer, TimerState next) {
    Instant now = context.clock().instant();
    TimerState claimed = holding.withClaim(next, now);
    boolean written =
        context.writer().run(tx -> tx.updateState(timer.id(), timer.state().version(), claimed));
    if (!written) {
      return new Outcome.Changed();
    }
    return new Outcome.Done(holding.kept(timer.with(bumped(claimed))));
  }
}
