package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.RunRow;
import org.globustimer.server.store.RunState;
import org.globustimer.server.store.TimerRow;
import org.globustimer.server.store.TimerState;
import org.globustimer.server.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires a claimed timer when it is due: records the run for the tick (one row per tick, whoever
 * fires it), submits it with the tick's request id, records the answer and moves the timer to its
 * next tick. A run left pending by a crash or a transient failure is submitted again with the same
 * request id, which the provider treats as the same action.
 */
final class Firing {

  private static final Logger log = LoggerFactory.getLogger(Firing.class);
  private static final int CONFLICT_ATTEMPTS = 8;

  private final EngineContext context;

  Firing(EngineContext context) {
    this.context = context;
  }

  /** Acts on timer {@code id}; returns when it is next due if this node keeps it, else null. */
  Instant fire(UUID id) {
    Step step = prepare(id);
    if (step instanceof Step.Submit submit) {
      return submit(submit.timer(), submit.run());
    }
    return step instanceof Step.Keep keep ? keep.dueAt() : null;
  }

  private sealed interface Step {
    record Submit(TimerRow timer, RunRow run) implements Step {}

    record Keep(Instant dueAt) implements Step {}

    record Drop() implements Step {}
  }

  private Step prepare(UUID id) {
    for (int attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
      Optional<Step> step = context.store().inTransaction(tx -> tryPrepare(tx, id));
      if (step.isPresent()) {
        return step.get();
      }
    }
    log.warn("timer {} kept changing while firing; leaving it to the next claim", id);
    return new Step.Drop();
  }

  /** Empty when a concurrent change won the race; the caller tries again. */
  private Optional<Step> tryPrepare(Tx tx, UUID id) {
    TimerRow timer = tx.findTimer(id).orElse(null);
    if (timer == null || !context.nodeId().equals(timer.state().claimedBy())) {
      return Optional.of(new Step.Drop());
    }
    TimerState s = timer.state();
    Instant now = context.clock().instant();
    if (s.dueAt() == null || !s.status().isScheduled()) {
      return release(tx, timer);
    }
    if (s.dueAt().isAfter(now)) {
      return Optional.of(keepOrRelease(tx, timer, s));
    }
    if (s.pendingSlot() != null) {
      RunRow pending = tx.findRun(id, s.pendingSlot()).orElse(null);
      if (pending != null && !pending.state().isFinal()) {
        return Optional.of(new Step.Submit(timer, pending));
      }
      TimerState settled = Schedules.submissionSettled(s, s.pendingSlot(), false, false);
      return tx.updateState(id, s.version(), settled)
          ? Optional.of(keepOrRelease(tx, timer.with(bump(settled)), bump(settled)))
          : Optional.empty();
    }
    long slot = s.nextSlot();
    if (s.activeSlot() != null) {
      TimerState skipped = Schedules.skipped(timer.definition(), s, now);
      return tx.updateState(id, s.version(), skipped)
          ? Optional.of(keepOrRelease(tx, timer.with(bump(skipped)), bump(skipped)))
          : Optional.empty();
    }
    Instant retryUntil = now.plus(Schedules.retryWindow(timer.definition()));
    RunRow run =
        RunRow.submitting(
            id, slot, Instant.ofEpochMilli(slot), RequestIds.of(id, slot), now, retryUntil);
    if (!tx.insertRun(run)) {
      run = tx.findRun(id, slot).orElseThrow();
    }
    TimerState fired = Schedules.fired(timer.definition(), s, slot, now);
    if (!tx.updateState(id, s.version(), fired)) {
      return Optional.empty();
    }
    return Optional.of(new Step.Submit(timer.with(bump(fired)), run));
  }

  private Instant submit(TimerRow timer, RunRow run) {
    JsonNode request = runRequest(timer, run);
    Answer answer =
        Answer.of(
            () ->
                context
                    .router()
                    .providerFor(timer.definition().callbackUrl())
                    .run(timer.owner(), request));
    for (int attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
      Optional<Instant> kept =
          context.store().inTransaction(tx -> tryRecord(tx, timer.id(), run, answer));
      if (kept.isPresent()) {
        return kept.get().equals(Instant.MAX) ? null : kept.get();
      }
    }
    log.warn("could not record the submission of timer {} tick {}", timer.id(), run.slot());
    return null;
  }

  private Optional<Instant> tryRecord(Tx tx, UUID id, RunRow run, Answer answer) {
    TimerRow timer = tx.findTimer(id).orElse(null);
    if (timer == null) {
      return Optional.of(Instant.MAX);
    }
    TimerState s = timer.state();
    Instant now = context.clock().instant();
    TimerState next;
    RunRow recorded;
    switch (answer) {
      case Answer.Reported reported -> {
        boolean running = reported.state().inProgressAtProvider();
        recorded =
            run.submitted(
                reported.state(),
                reported.httpStatus(),
                textOrNull(reported.body(), "action_id"),
                text(reported.body()),
                null,
                now,
                running ? now.plus(context.firstCheckDelay(timer)) : null);
        next =
            Schedules.submissionSettled(
                s, run.slot(), running, reported.state() == RunState.FAILED);
      }
      case Answer.Transient failed -> {
        Instant retryAt = now.plus(backoff(run.attempts()));
        boolean giveUp = run.retryUntil() == null || retryAt.isAfter(run.retryUntil());
        recorded =
            run.submitted(
                giveUp ? RunState.FAILED : RunState.RETRYING,
                failed.httpStatus() == null ? 0 : failed.httpStatus(),
                null,
                text(failed.body()),
                errors(failed.reason() + (giveUp ? "; gave up retrying" : "")),
                now,
                null);
        next =
            giveUp
                ? Schedules.submissionSettled(s, run.slot(), false, true)
                : Schedules.retryAt(s, retryAt);
      }
      case Answer.Refused refused -> {
        recorded =
            run.submitted(
                RunState.FAILED,
                refused.httpStatus(),
                null,
                text(refused.body()),
                errors(refused.reason()),
                now,
                null);
        next = Schedules.submissionSettled(s, run.slot(), false, true);
        if (refused.credentials() && next.status().isScheduled()) {
          next = Schedules.paused(next, "globus_auth_requirements", refused.reason());
        }
      }
    }
    tx.updateRun(recorded);
    return finish(tx, timer, next);
  }

  /** Writes the timer's new state, keeping the claim if it is due again within the horizon. */
  private Optional<Instant> finish(Tx tx, TimerRow timer, TimerState next) {
    Instant now = context.clock().instant();
    boolean mine = context.nodeId().equals(next.claimedBy());
    boolean keep =
        mine && next.dueAt() != null && !next.dueAt().isAfter(now.plus(context.horizon()));
    TimerState.Builder b = next.toBuilder();
    if (keep) {
      b.leaseUntil = now.plus(context.lease());
    } else if (mine) {
      b.released();
    }
    if (!tx.updateState(timer.id(), timer.state().version(), b.build())) {
      return Optional.empty();
    }
    return Optional.of(keep ? next.dueAt() : Instant.MAX);
  }

  private Step keepOrRelease(Tx tx, TimerRow timer, TimerState s) {
    Optional<Instant> kept = finish(tx, timer.with(s), s);
    if (kept.isEmpty()) {
      return new Step.Drop();
    }
    return kept.get().equals(Instant.MAX) ? new Step.Drop() : new Step.Keep(kept.get());
  }

  private Optional<Step> release(Tx tx, TimerRow timer) {
    TimerState released = timer.state().toBuilder().released().build();
    return tx.updateState(timer.id(), timer.state().version(), released)
        ? Optional.of(new Step.Drop())
        : Optional.empty();
  }

  private static TimerState bump(TimerState s) {
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

  static Duration backoff(int attempts) {
    long base = Math.min(60_000L, 500L * (1L << Math.min(attempts, 10)));
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
