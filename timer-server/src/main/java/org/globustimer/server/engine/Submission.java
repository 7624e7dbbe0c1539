package org.globustimer.server.engine;

import static org.globustimer.server.engine.Holding.bumped;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fired tick's call to its provider and what follows from the answer: the run row and the timer's
 * next state written together (with the notifications they call for), checked against the row's
 * version and tried again on a change by someone else.
 */
final class Submission {

  private static final Logger log = LoggerFactory.getLogger(Firing.class);
  private static final int ATTEMPTS = 8;

  private final EngineContext context;
  private final Holding holding;
  private final AnswerEffects effects;

  Submission(EngineContext context, Holding holding) {
    this.context = context;
    this.holding = holding;
    this.effects = new AnswerEffects(context);
  }

  /** Submits the run; returns the row to fire again if this node keeps it, else null. */
  TimerRow submit(TimerRow timer, RunRow run) {
    JsonNode request = RunJson.runRequest(timer, run);
    Answer answer =
        Answer.of(
            () ->
                context
                    .router()
                    .providerFor(timer.definition().callbackUrl())
                    .run(timer.owner(), request));
    Instant now = context.clock().instant();
    // One draw of the jittered backoff decides both whether to retry and when.
    Instant retryAt = now.plus(RunJson.backoff(run.attempts()));
    RunRow recorded = Settle.recorded(context, timer, run, answer, now, retryAt);
    TimerRow current = timer;
    for (int attempt = 0; attempt < ATTEMPTS && current != null; attempt++) {
      TimerRow base = current;
      TimerState next =
          holding.withClaim(Settle.afterAnswer(base.state(), run, recorded, answer, retryAt), now);
      boolean written =
          context
              .writer()
              .run(
                  tx -> {
                    boolean updated = tx.updateState(base.id(), base.state().version(), next);
                    // The run goes in only with the state and its notifications: a run written
                    // final alone would leave them unsent by a kill before the next attempt. A node
                    // that lost the timer leaves the run to the holder, which re-sends the tick
                    // with the same request id.
                    if (updated) {
                      if (!tx.insertRun(recorded)) {
                        tx.updateRun(recorded);
                      }
                      effects.queueNotifications(tx, base, recorded, next);
                    }
                    return updated;
                  });
      if (written) {
        effects.report(base, recorded, next);
        return holding.kept(base.with(bumped(next)));
      }
      current = holding.reread(timer.id());
    }
    log.warn("could not record the answer for timer {} tick {}", timer.id(), run.slot());
    return null;
  }
}
