package org.globustimer.server.api;

import static org.globustimer.server.api.CallerTimers.DEFAULT_RESULTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.Commands;
import org.globustimer.core.timer.ResumePolicy;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.server.credentials.ProviderCredentials;
import org.globustimer.server.store.TimerEdits;
import org.globustimer.server.store.TimerStore;

/**
 * The owner's commands on an existing timer ({@code PATCH} and {@code DELETE /jobs/{id}}, {@code
 * pause}, {@code resume}, {@code run}): each one carried out by {@link Commands} on the stored
 * timer and written back, after which the engine looks at the timer again.
 */
final class TimerCommandsApi {

  private final TimerStore store;
  private final CallerTimers timers;
  private final JobRequests requests;
  private final Runnable wakeEngine;
  private final Clock clock;
  private final ProviderCredentials credentials;

  TimerCommandsApi(
      TimerStore store,
      CallerTimers timers,
      JobRequests requests,
      Runnable wakeEngine,
      Clock clock,
      ProviderCredentials credentials) {
    this.store = store;
    this.timers = timers;
    this.requests = requests;
    this.wakeEngine = wakeEngine;
    this.clock = clock;
    this.credentials = credentials;
  }

  void update(Context ctx) {
    JsonNode patch = JsonIo.body(ctx);
    if (patch.path("callback_url").isTextual()) {
      timers.find(ctx);
      credentials.prepare(
          Auth.owner(ctx), Auth.issuerToken(ctx), patch.get("callback_url").asText());
    }
    TimerRow updated =
        apply(
            ctx,
            timer ->
                Commands.update(timer, requests.patch(timer.definition(), patch), clock.instant()));
    JsonIo.json(ctx, timers.document(updated, DEFAULT_RESULTS, null));
  }

  void delete(Context ctx) {
    TimerRow deleted = apply(ctx, Commands::delete);
    JsonIo.json(ctx, timers.document(deleted, DEFAULT_RESULTS, null));
  }

  void pause(Context ctx) {
    apply(ctx, Commands::pause);
    JsonIo.message(ctx, "Successfully paused job " + ctx.pathParam("job_id") + ".");
  }

  void resume(Context ctx) {
    String policy = ctx.queryParam("resume_policy");
    if (policy != null && !policy.equals("run_once") && !policy.equals("wait_for_next_scheduled")) {
      throw ServiceException.invalid(
          List.of("query", "resume_policy"), "must be run_once or wait_for_next_scheduled");
    }
    Boolean asked = updateCredentials(ctx);
    if (asked == null || asked) {
      TimerRow found = timers.find(ctx);
      boolean update =
          asked != null
              || found.state().status() == TimerStatus.INACTIVE
                  && "globus_auth_requirements".equals(found.state().inactiveCause());
      if (update) {
        credentials.prepare(
            Auth.owner(ctx), Auth.issuerToken(ctx), found.definition().callbackUrl());
      }
    }
    ResumePolicy chosen =
        policy == null
            ? null
            : policy.equals("run_once")
                ? ResumePolicy.RUN_ONCE
                : ResumePolicy.WAIT_FOR_NEXT_SCHEDULED;
    apply(ctx, timer -> Commands.resume(timer, chosen, clock.instant()));
    JsonIo.message(ctx, "Successfully resumed job " + ctx.pathParam("job_id") + ".");
  }

  /**
   * {@code POST /jobs/{id}/run}: one extra run now, outside the grid, under the timer's overlap
   * policy (refused with 409 under {@code skip} while a run is in progress).
   */
  void runNow(Context ctx) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    TimerRow changed =
        apply(
            ctx,
            timer -> {
              Commands.Transition transition = Commands.runNow(timer, now);
              return transition instanceof Commands.Transition.Refused refused
                  ? new Commands.Transition.Refused(
                      "timer " + timer.id() + " cannot run now: " + refused.reason())
                  : transition;
            });
    boolean buffered = changed.state().dueAt() == null;
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("job_id", changed.id().toString());
    answer.put("tick_at", Times.format(Instant.ofEpochMilli(changed.state().pendingSlot())));
    answer.put("buffered", buffered);
    answer.put(
        "message",
        buffered
            ? "The run starts when the run in progress ends (overlap policy buffer_one)."
            : "The run is starting.");
    ctx.status(202);
    JsonIo.json(ctx, answer);
  }

  /**
   * {@code update_credentials} as a query parameter or in a JSON body (the Python SDK sends it
   * there); null when absent, and then the timer's inactive reason decides, as the public service
   * does.
   */
  private static Boolean updateCredentials(Context ctx) {
    if (ctx.queryParam("update_credentials") != null) {
      return QueryParams.flag(ctx, "update_credentials");
    }
    if (ctx.body().isBlank()) {
      return null;
    }
    JsonNode value = JsonIo.body(ctx).get("update_credentials");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ServiceException.invalid(
          List.of("body", "update_credentials"), "must be true or false");
    }
    return value.asBoolean();
  }

  /**
   * Carries out an owner's command on the caller's timer: written when it changes the timer, a 409
   * when the timer's state refuses it, a 404 when there is no such timer.
   */
  private TimerRow apply(Context ctx, Function<TimerRow, Commands.Transition> command) {
    UUID id = QueryParams.jobId(ctx);
    TimerRow result =
        TimerEdits.apply(
                store,
                Auth.owner(ctx),
                id,
                timer ->
                    switch (command.apply(timer)) {
                      case Commands.Transition.Unchanged unchanged -> timer;
                      case Commands.Transition.Changed changed -> changed.timer();
                      case Commands.Transition.Refused refused ->
                          throw ServiceException.conflict(refused.reason());
                    })
            .orElseThrow(() -> CallerTimers.unknown(id));
    wakeEngine.run();
    return result;
  }
}
