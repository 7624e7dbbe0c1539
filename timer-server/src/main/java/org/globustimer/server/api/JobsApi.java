package org.globustimer.server.api;

import static org.globustimer.server.api.CallerTimers.DEFAULT_RESULTS;
import static org.globustimer.server.api.CallerTimers.MAX_PAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.Schedules;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.credentials.ProviderCredentials;
import org.globustimer.server.store.TimerInsert;
import org.globustimer.server.store.TimerQuery;
import org.globustimer.server.store.TimerStore;

/** The Timers API: {@code /jobs} (v1) and {@code /v2/timer}, every query scoped to the caller. */
final class JobsApi {

  /** A new timer due sooner than this wakes the engine; later ones wait for its next claim. */
  private static final java.time.Duration SOON = java.time.Duration.ofSeconds(5);

  private final TimerStore store;
  private final JobRequests requests;
  private final Runnable wakeEngine;
  private final Clock clock;
  private final ProviderCredentials credentials;
  private final CallerTimers callerTimers;
  private final TimerCommandsApi commands;

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
    this.callerTimers = new CallerTimers(store, clock);
    this.commands =
        new TimerCommandsApi(store, callerTimers, requests, wakeEngine, clock, credentials);
  }

  void mount(Javalin app) {
    app.post("/jobs", this::createV1);
    app.get("/jobs", this::list);
    app.get("/jobs/{job_id}", this::show);
    app.patch("/jobs/{job_id}", commands::update);
    app.delete("/jobs/{job_id}", commands::delete);
    app.post("/jobs/{job_id}/pause", commands::pause);
    app.post("/jobs/{job_id}/resume", commands::resume);
    app.post("/jobs/{job_id}/run", commands::runNow);
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
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
      ObjectNode job = callerTimers.document(timer, resultCount, null);
      if (allUsers) {
        job.put("owner", timer.owner());
      }
      jobs.add(job);
    }
    JsonIo.json(ctx, answer);
  }

  private void show(Context ctx) {
    TimerRow timer = callerTimers.find(ctx);
    int pageSize = QueryParams.queryInt(ctx, "page_size", DEFAULT_RESULTS, 1, MAX_PAGE);
    JsonIo.json(ctx, callerTimers.document(timer, pageSize, QueryParams.pageToken(ctx)));
  }

  private void showV2(Context ctx) {
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.set("timer", callerTimers.document(callerTimers.find(ctx), DEFAULT_RESULTS, null));
    JsonIo.json(ctx, answer);
  }

  /** {@code GET /jobs/{id}/next?count=N}: the coming fire instants, in UTC and the timer's zone. */
  private void next(Context ctx) {
    int count = QueryParams.queryInt(ctx, "count", 10, 1, MAX_PAGE);
    TimerRow timer = callerTimers.find(ctx);
    List<Instant> fireTimes = Schedules.upcoming(timer.definition(), timer.state(), count);
    ObjectNode answer = TimingDocuments.next(timer.definition(), fireTimes);
    answer.put("job_id", timer.id().toString());
    answer.put("status", timer.state().status().wire());
    JsonIo.json(ctx, answer);
  }
}
