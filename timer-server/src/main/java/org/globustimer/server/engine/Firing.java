package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.globustimer.core.cron.Jitter;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.Commands;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
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

  Firing(EngineContext context) {
    this.context = context;
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
          return submit(submit.timer(), submit.run());
        }
        case Outcome.Changed changed -> row = reread(row.id());
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
        return new Outcome.Submit(timer, pending);
      }
      return write(timer, Schedules.submissionSettled(s, slot, false, false));
    }
    TimerDefinition def = timer.definition();
    Instant tick = Schedules.tickToFire(def, Instant.ofEpochMilli(s.nextSlot()), now);
    if (tick == null) {
      return write(timer, Schedules.missed(def, s, now));
    }
    long slot = tick.toEpochMilli();
    if (s.activeSlot() != null) {
      switch (def.timing().overlap()) {
        case SKIP -> {
          Outcome skipped = write(timer, Schedules.skipped(def, s, now));
          if (skipped instanceof Outcome.Done) {
            context.events().skipped(timer);
          }
          return skipped;
        }
        case BUFFER_ONE -> {
          return write(timer, Schedules.buffered(def, s, slot, now));
        }
        case ALLOW_ALL -> {
          // a second run starts beside the one in progress
        }
      }
    }
    // Only the timer is written before the call: its pending slot is what a crash leaves behind,
    // and whoever holds the timer next submits that tick again with the same request id. The run
    // row is written once, with the provider's answer.
    TimerState fired = withClaim(Schedules.fired(timer.definition(), s, slot, now), now);
    boolean written = context.writer().run(tx -> tx.updateState(timer.id(), s.version(), fired));
    if (!written) {
      return new Outcome.Changed();
    }
    Instant firesAt = Jitter.fireAt(def.timing().jitterKey(), tick, def.timing().jitterSeconds());
    context.events().fired(timer, Duration.between(firesAt, now));
    return new Outcome.Submit(timer.with(bumped(fired)), newRun(timer, slot, now));
  }

  private RunRow newRun(TimerRow timer, long slot, Instant now) {
    return RunRow.submitting(
        timer.id(),
        slot,
        Instant.ofEpochMilli(slot),
        RequestIds.of(timer.id(), slot),
        now,
        now.plus(Schedules.retryWindow(timer.definition())));
  }

  /** Writes a state change that needs no submission, keeping or releasing the claim. */
  private Outcome write(TimerRow timer, TimerState next) {
    Instant now = context.clock().instant();
    TimerState claimed = withClaim(next, now);
    boolean written =
        context.writer().run(tx -> tx.updateState(timer.id(), timer.state().version(), claimed));
    if (!written) {
      return new Outcome.Changed();
    }
    return new Outcome.Done(kept(timer.with(bumped(claimed))));
  }

  private TimerRow submit(TimerRow timer, RunRow run) {
    JsonNode request = runRequest(timer, run);
    Answer answer =
        Answer.of(
            () ->
                context
                    .router()
                    .providerFor(timer.definition().callbackUrl())
                    .run(timer.owner(), request));
    Instant now = context.clock().instant();
    // One draw of the jittered backoff decides both whether to retry and when.
    Instant retryAt = now.plus(backoff(run.attempts()));
    RunRow recorded = recorded(timer, run, answer, now, retryAt);
    TimerRow current = timer;
    for (int attempt = 0; attempt < ATTEMPTS && current != null; attempt++) {
      TimerRow base = current;
      TimerState next = withClaim(afterAnswer(base.state(), run, recorded, answer, retryAt), now);
      boolean written =
          context
              .writer()
              .run(
                  tx -> {
                    if (!tx.insertRun(recorded)) {
                      tx.updateRun(recorded);
                    }
                    return tx.updateState(base.id(), base.state().version(), next);
                  });
      if (written) {
        reportAnswer(base, recorded, next);
        return kept(base.with(bumped(next)));
      }
      current = reread(timer.id());
    }
    log.warn("could not record the answer for timer {} tick {}", timer.id(), run.slot());
    return null;
  }

  private void reportAnswer(TimerRow timer, RunRow recorded, TimerState next) {
    EngineEvents events = context.events();
    events.submitted(timer, recorded);
    if (recorded.state().isFinal()) {
      events.runFinished(timer, recorded);
    }
    if (timer.state().status().isScheduled() && !next.status().isScheduled()) {
      events.pausedByService(timer, next.inactiveCause(), next.inactiveDetail());
    }
  }

  private RunRow recorded(TimerRow timer, RunRow run, Answer answer, Instant now, Instant retryAt) {
    return switch (answer) {
      case Answer.Reported reported -> {
        boolean running = reported.state().inProgressAtProvider();
        yield run.submitted(
            reported.state(),
            reported.httpStatus(),
            textOrNull(reported.body(), "action_id"),
            text(reported.body()),
            null,
            now,
            running ? now.plus(context.firstCheckDelay(timer)) : null);
      }
      case Answer.Transient failed -> {
        boolean giveUp = run.retryUntil() == null || retryAt.isAfter(run.retryUntil());
        yield run.submitted(
            giveUp ? RunState.FAILED : RunState.RETRYING,
            failed.httpStatus() == null ? 0 : failed.httpStatus(),
            null,
            text(failed.body()),
            errors(failed.reason() + (giveUp ? "; gave up retrying" : "")),
            now,
            null);
      }
      case Answer.Refused refused ->
          run.submitted(
              RunState.FAILED,
              refused.httpStatus(),
              null,
              text(refused.body()),
              errors(refused.reason()),
              now,
              null);
    };
  }

  private TimerState afterAnswer(
      TimerState s, RunRow run, RunRow recorded, Answer answer, Instant retryAt) {
    return switch (answer) {
      case Answer.Reported reported ->
          Schedules.submissionSettled(
              s,
              run.slot(),
              reported.state().inProgressAtProvider(),
              reported.state() == RunState.FAILED);
      case Answer.Transient failed ->
          recorded.state() == RunState.FAILED
              ? Schedules.submissionSettled(s, run.slot(), false, true)
              : Schedules.retryAt(s, retryAt);
      case Answer.Refused refused -> {
        TimerState settled = Schedules.submissionSettled(s, run.slot(), false, true);
        yield refused.credentials() && settled.status().isScheduled()
            ? Commands.paused(settled, "globus_auth_requirements", refused.reason())
            : settled;
      }
    };
  }

  /** Keeps the claim (renewing its lease) when the timer is due again within the horizon. */
  private TimerState withClaim(TimerState next, Instant now) {
    if (!context.nodeId().equals(next.claimedBy())) {
      return next;
    }
    TimerState.Builder b = next.toBuilder();
    if (next.dueAt() != null && !next.dueAt().isAfter(now.plus(context.horizon()))) {
      b.leaseUntil = now.plus(context.lease());
      context.events().leaseRenewed();
    } else {
      b.released();
    }
    return b.build();
  }

  private TimerRow kept(TimerRow row) {
    return context.nodeId().equals(row.state().claimedBy()) ? row : null;
  }

  private TimerRow reread(UUID id) {
    TimerRow fresh = context.store().read(tx -> tx.findTimer(id)).orElse(null);
    return fresh != null && context.nodeId().equals(fresh.state().claimedBy()) ? fresh : null;
  }

  private static TimerState bumped(TimerState s) {
    TimerState.Builder b = s.toBuilder();
    b.version = s.version() + 1;
    return b.build();
  }

  static JsonNode runRequest(TimerRow timer, RunRow run) {
    ObjectNode request = Json.mapper().createObjectNode();
    request.put("request_id", run.requestId());
    JsonNode callbackBody = parse(timer.definition().callbackBody());
    if (callbackBody instanceof ObjectNode object && object.has("body")) {
      request.setAll(object.deepCopy());
      request.put("request_id", run.requestId());
    } else {
      request.set("body", callbackBody);
    }
    return request;
  }

  /**
   * Backoff with jitter from about 0.1 s, doubling: short intervals allow retries only within half
   * the interval, and the commonest transient failure (a kept-alive connection the provider had
   * closed) is cured by trying again at once.
   */
  static Duration backoff(int attempts) {
    long base = Math.min(60_000L, 100L * (1L << Math.min(attempts, 12)));
    return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  static String errors(String reason) {
    return Json.mapper().createArrayNode().add(reason).toString();
  }

  static String text(JsonNode node) {
    return node == null ? null : node.toString();
  }

  static String textOrNull(JsonNode node, String field) {
    return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  static JsonNode parse(String json) {
    try {
      return json == null ? Json.mapper().nullNode() : Json.mapper().readTree(json);
    } catch (IOException e) {
      return Json.mapper().getNodeFactory().textNode(json);
    }
  }
}
