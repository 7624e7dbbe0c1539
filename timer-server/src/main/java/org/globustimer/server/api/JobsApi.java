package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.Commands;
import org.globustimer.core.timer.ResumePolicy;
import org.globustimer.core.timer.Schedules;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.server.credentials.ProviderCredentials;
import org.globustimer.server.store.TimerEdits;
import org.globustimer.server.store.TimerInsert;
import org.globustimer.server.store.TimerQuery;
import org.globustimer.server.store.TimerStore;

/** The Timers API: {@code /jobs} (v1) and {@code /v2/timer}, every query scoped to the caller. */
final class JobsApi {

  private static final int DEFAULT_RESULTS = 10;
  private static final int MAX_PAGE = 1_000;

  /** A new timer due sooner than this wakes the engine; later ones wait for its next claim. */
  private static final java.time.Duration SOON = java.time.Duration.ofSeconds(5);

  private final TimerStore store;
  private final JobRequests requests;
  private final Runnable wakeEngine;
  private final Clock clock;
  private final ProviderCredentials credentials;

  JobsApi(
      TimerStore store,
      JobRequests requests,
      Runnable wakeEngine,
      Clock clock,
      ProviderCredentials credentials) {
    this.store = store;
    this.requests = requests;
    this.wakeEngine = wakeEngine;
    this.clock = clock;
    this.credentials = credentials;
  }

  void mount(Javalin app) {
    app.post("/jobs", this::createV1);
    app.get("/jobs", this::list);
    app.get("/jobs/{job_id}", this::show);
    app.patch("/jobs/{job_id}", this::update);
    app.delete("/jobs/{job_id}", this::delete);
    app.post("/jobs/{job_id}/pause", this::pause);
    app.post("/jobs/{job_id}/resume", this::resume);
    app.post("/jobs/{job_id}/run", this::runNow);
    app.get("/jobs/{job_id}/next", this::next);
    app.post("/v2/timer", this::createV2);
    app.get("/v2/timer/{job_id}", this::showV2);
  }

  private void createV1(Context ctx) {
    JsonNode request = JsonIo.body(ctx);
    TimerRow timer = create(ctx, requests.v1(request));
    JsonIo.created(ctx, JobPages.created(timer, clock.instant(), JobRequests.v1Bodies(request)));
  }

  private void createV2(Context ctx) {
    TimerRow timer = create(ctx, requests.v2(JsonIo.body(ctx)));
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.set("timer", JobPages.created(timer, clock.instant()));
    JsonIo.created(ctx, answer);
  }

  private TimerRow create(Context ctx, TimerDefinition definition) {
    credentials.prepare(Auth.owner(ctx), Auth.issuerToken(ctx), definition.callbackUrl());
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    UUID id = UUID.randomUUID();
    TimerDefinition keyed = definition.withTiming(definition.timing().withJitterKey(id.toString()));
    TimerRow timer = new TimerRow(id, Auth.owner(ctx), now, keyed, Schedules.initial(keyed, now));
    TimerInsert insert = TimerInsert.of(timer);
    store.inDurableTransaction(
        tx -> {
          tx.insertTimer(insert);
          return null;
        });
    Instant due = timer.state().dueAt();
    if (due != null && due.isBefore(now.plus(SOON))) {
      wakeEngine.run();
    }
    return timer;
  }

  private void list(Context ctx) {
    TimerQuery query = QueryParams.timerQuery(ctx, MAX_PAGE);
    int resultCount = QueryParams.queryInt(ctx, "result_count", DEFAULT_RESULTS, 0, MAX_PAGE);
    boolean allUsers = "true".equalsIgnoreCase(ctx.queryParam("all_users"));
    if (allUsers && !Auth.identity(ctx).admin()) {
      throw ServiceException.forbidden("all_users=true is for the service's administrators");
    }
    List<TimerRow> timers =
        store.read(
            tx -> allUsers ? tx.listAllOwnersTimers(query) : tx.listTimers(Auth.owner(ctx), query));
    ObjectNode answer = Json.mapper().createObjectNode();
    var jobs = answer.putArray("jobs");
    for (TimerRow timer : timers) {
      ObjectNode job = document(timer, resultCount, null);
      if (allUsers) {
        job.put("owner", timer.owner());
      }
      jobs.add(job);
    }
    JsonIo.json(ctx, answer);
  }

  private void show(Context ctx) {
    TimerRow timer = find(ctx);
    int pageSize = QueryParams.queryInt(ctx, "page_size", DEFAULT_RESULTS, 1, MAX_PAGE);
    JsonIo.json(ctx, document(timer, pageSize, QueryParams.pageToken(ctx)));
  }

  private void showV2(Context ctx) {
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.set("timer", document(find(ctx), DEFAULT_RESULTS, null));
    JsonIo.json(ctx, answer);
  }

  private void update(Context ctx) {
    JsonNode patch = JsonIo.body(ctx);
    if (patch.path("callback_url").isTextual()) {
      find(ctx);
      credentials.prepare(
          Auth.owner(ctx), Auth.issuerToken(ctx), patch.get("callback_url").asText());
    }
    TimerRow updated =
        apply(
            ctx,
            timer ->
                Commands.update(timer, requests.patch(timer.definition(), patch), clock.instant()));
    JsonIo.json(ctx, document(updated, DEFAULT_RESULTS, null));
  }

  private void delete(Context ctx) {
    TimerRow deleted = apply(ctx, Commands::delete);
    JsonIo.json(ctx, document(deleted, DEFAULT_RESULTS, null));
  }

  private void pause(Context ctx) {
    apply(ctx, Commands::pause);
    JsonIo.message(ctx, "Successfully paused job " + ctx.pathParam("job_id") + ".");
  }

  private void resume(Context ctx) {
    String policy = ctx.queryParam("resume_policy");
    if (policy != null && !policy.equals("run_once") && !policy.equals("wait_for_next_scheduled")) {
      throw ServiceException.invalid(
          List.of("query", "resume_policy"), "must be run_once or wait_for_next_scheduled");
    }
    Boolean asked = updateCredentials(ctx);
    if (asked == null || asked) {
      TimerRow found = find(ctx);
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
  private void runNow(Context ctx) {
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
    answer.put(
        "tick_at",
        org.globustimer.core.time.Times.format(
            Instant.ofEpochMilli(changed.state().pendingSlot())));
    answer.put("buffered", buffered);
    answer.put(
        "message",
        buffered
            ? "The run starts when the run in progress ends (overlap policy buffer_one)."
            : "The run is starting.");
    ctx.status(202);
    JsonIo.json(ctx, answer);
  }

  /** {@code GET /jobs/{id}/next?count=N}: the coming fire instants, in UTC and the timer's zone. */
  private void next(Context ctx) {
    int count = QueryParams.queryInt(ctx, "count", 10, 1, MAX_PAGE);
    TimerRow timer = find(ctx);
    List<Instant> fireTimes = Schedules.upcoming(timer.definition(), timer.state(), count);
    ObjectNode answer = TimingDocuments.next(timer.definition(), fireTimes);
    answer.put("job_id", timer.id().toString());
    answer.put("status", timer.state().status().wire());
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
            .orElseThrow(() -> unknown(id));
    wakeEngine.run();
    return result;
  }

  private ObjectNode document(TimerRow timer, int resultCount, Long beforeSlot) {
    return store.read(tx -> JobPages.document(tx, timer, resultCount, beforeSlot, clock.instant()));
  }

  private TimerRow find(Context ctx) {
    UUID id = QueryParams.jobId(ctx);
    return store.read(tx -> tx.findTimer(Auth.owner(ctx), id)).orElseThrow(() -> unknown(id));
  }

  private static ServiceException unknown(UUID id) {
    return ServiceException.notFound("no timer with job_id " + id);
  }
}
