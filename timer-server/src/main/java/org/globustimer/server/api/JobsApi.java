package org.globustimer.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.server.engine.Schedules;
import org.globustimer.server.store.RunRow;
import org.globustimer.server.store.TimerDefinition;
import org.globustimer.server.store.TimerQuery;
import org.globustimer.server.store.TimerRow;
import org.globustimer.server.store.TimerState;
import org.globustimer.server.store.TimerStatus;
import org.globustimer.server.store.TimerStore;

/** The Timers API: {@code /jobs} (v1) and {@code /v2/timer}, every query scoped to the caller. */
final class JobsApi {

  private static final int DEFAULT_RESULTS = 10;
  private static final int MAX_PAGE = 1_000;

  private final TimerStore store;
  private final JobRequests requests;
  private final Runnable wakeEngine;
  private final Clock clock;

  JobsApi(TimerStore store, JobRequests requests, Runnable wakeEngine, Clock clock) {
    this.store = store;
    this.requests = requests;
    this.wakeEngine = wakeEngine;
    this.clock = clock;
  }

  void mount(Javalin app) {
    app.post("/jobs", this::createV1);
    app.get("/jobs", this::list);
    app.get("/jobs/{job_id}", this::show);
    app.patch("/jobs/{job_id}", this::update);
    app.delete("/jobs/{job_id}", this::delete);
    app.post("/jobs/{job_id}/pause", this::pause);
    app.post("/jobs/{job_id}/resume", this::resume);
    app.post("/v2/timer", this::createV2);
    app.get("/v2/timer/{job_id}", this::showV2);
  }

  private void createV1(Context ctx) {
    TimerRow timer = create(ctx, requests.v1(body(ctx)));
    created(ctx, document(timer, DEFAULT_RESULTS, null));
  }

  private void createV2(Context ctx) {
    TimerRow timer = create(ctx, requests.v2(body(ctx)));
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.set("timer", document(timer, DEFAULT_RESULTS, null));
    created(ctx, answer);
  }

  private TimerRow create(Context ctx, TimerDefinition definition) {
    Instant now = clock.instant();
    TimerRow timer =
        new TimerRow(
            UUID.randomUUID(),
            Auth.owner(ctx),
            now,
            definition,
            Schedules.initial(definition, now));
    store.inTransaction(
        tx -> {
          tx.insertTimer(timer);
          return null;
        });
    wakeEngine.run();
    return timer;
  }

  private void list(Context ctx) {
    Set<TimerStatus> statuses = statusFilter(ctx);
    String order = ctx.queryParam("order");
    boolean newestFirst =
        order == null
            || order.isBlank()
            || order.toLowerCase().contains("desc")
            || order.startsWith("-");
    TimerQuery query =
        new TimerQuery(
            statuses,
            blankToNull(ctx.queryParam("filter_name")),
            queryTime(ctx, "submitted_after"),
            queryTime(ctx, "submitted_before"),
            newestFirst,
            queryInt(ctx, "limit", MAX_PAGE, 1, 10_000));
    int resultCount = queryInt(ctx, "result_count", DEFAULT_RESULTS, 0, MAX_PAGE);
    boolean allUsers = "true".equalsIgnoreCase(ctx.queryParam("all_users"));
    if (allUsers && !Auth.identity(ctx).admin()) {
      throw ApiError.forbidden("all_users=true is for the service's administrators");
    }
    List<TimerRow> timers =
        store.inTransaction(
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
    json(ctx, answer);
  }

  private void show(Context ctx) {
    TimerRow timer = find(ctx);
    int pageSize = queryInt(ctx, "page_size", DEFAULT_RESULTS, 1, MAX_PAGE);
    json(ctx, document(timer, pageSize, pageToken(ctx)));
  }

  private void showV2(Context ctx) {
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.set("timer", document(find(ctx), DEFAULT_RESULTS, null));
    json(ctx, answer);
  }

  private void update(Context ctx) {
    JsonNode patch = body(ctx);
    TimerRow updated =
        change(
            ctx,
            timer -> {
              if (timer.state().status() == TimerStatus.DELETED) {
                throw ApiError.conflict("timer " + timer.id() + " is deleted and cannot change");
              }
              TimerDefinition definition = requests.patch(timer.definition(), patch);
              boolean scheduleChanged =
                  !java.util.Objects.equals(definition.interval(), timer.definition().interval())
                      || !java.util.Objects.equals(definition.endAt(), timer.definition().endAt())
                      || !java.util.Objects.equals(
                          definition.endRuns(), timer.definition().endRuns());
              TimerState state =
                  scheduleChanged
                      ? Schedules.replanned(definition, timer.state(), clock.instant())
                      : timer.state();
              return timer.with(definition).with(state);
            });
    json(ctx, document(updated, DEFAULT_RESULTS, null));
  }

  private void delete(Context ctx) {
    TimerRow deleted = change(ctx, timer -> timer.with(Schedules.deleted(timer.state())));
    json(ctx, document(deleted, DEFAULT_RESULTS, null));
  }

  private void pause(Context ctx) {
    change(
        ctx,
        timer -> {
          TimerStatus status = timer.state().status();
          if (status == TimerStatus.INACTIVE) {
            return timer;
          }
          if (!status.isScheduled()) {
            throw ApiError.conflict(
                "timer " + timer.id() + " is " + status.wire() + " and cannot be paused");
          }
          return timer.with(Schedules.paused(timer.state(), "user", "paused by its owner"));
        });
    message(ctx, "Successfully paused job " + ctx.pathParam("job_id") + ".");
  }

  private void resume(Context ctx) {
    String policy = ctx.queryParam("resume_policy");
    if (policy != null && !policy.equals("run_once") && !policy.equals("wait_for_next_scheduled")) {
      throw ApiError.invalid(
          List.of("query", "resume_policy"), "must be run_once or wait_for_next_scheduled");
    }
    change(
        ctx,
        timer -> {
          TimerStatus status = timer.state().status();
          if (status.isScheduled()) {
            return timer;
          }
          if (status != TimerStatus.INACTIVE) {
            throw ApiError.conflict(
                "timer " + timer.id() + " is " + status.wire() + " and cannot be resumed");
          }
          boolean waitForNext =
              policy != null
                  ? policy.equals("wait_for_next_scheduled")
                  : timer.definition().resumePolicy()
                      == org.globustimer.server.store.ResumePolicy.WAIT_FOR_NEXT_SCHEDULED;
          return timer.with(
              Schedules.resumed(timer.definition(), timer.state(), waitForNext, clock.instant()));
        });
    wakeEngine.run();
    message(ctx, "Successfully resumed job " + ctx.pathParam("job_id") + ".");
  }

  /** Applies a change to the caller's timer, retrying if the engine moved it meanwhile. */
  private TimerRow change(Context ctx, java.util.function.UnaryOperator<TimerRow> edit) {
    UUID id = jobId(ctx);
    String owner = Auth.owner(ctx);
    for (int attempt = 0; attempt < 20; attempt++) {
      TimerRow result =
          store.inTransaction(
              tx -> {
                TimerRow timer = tx.findTimer(owner, id).orElseThrow(() -> unknown(id));
                TimerRow edited = edit.apply(timer);
                if (edited == timer) {
                  return timer;
                }
                long version = timer.state().version();
                boolean written =
                    edited.definition() == timer.definition()
                        ? tx.updateState(id, version, edited.state())
                        : tx.updateDefinitionAndState(
                            id, version, edited.definition(), edited.state());
                return written ? edited : null;
              });
      if (result != null) {
        wakeEngine.run();
        return result;
      }
    }
    throw ApiError.unavailable("timer " + id + " is busy; try again");
  }

  private ObjectNode document(TimerRow timer, int resultCount, Long beforeSlot) {
    return store.inTransaction(
        tx -> {
          TimerRow fresh = tx.findTimer(timer.id()).orElse(timer);
          List<RunRow> runs =
              resultCount == 0 ? List.of() : tx.runs(timer.id(), beforeSlot, resultCount + 1);
          String pageNext = null;
          if (runs.size() > resultCount) {
            runs = runs.subList(0, resultCount);
            pageNext = String.valueOf(runs.getLast().slot());
          }
          TimerState s = fresh.state();
          Long currentSlot = s.pendingSlot() != null ? s.pendingSlot() : s.activeSlot();
          RunRow current =
              currentSlot == null ? null : tx.findRun(timer.id(), currentSlot).orElse(null);
          return JobDocuments.job(fresh, runs, pageNext, current, clock.instant());
        });
  }

  private TimerRow find(Context ctx) {
    UUID id = jobId(ctx);
    return store
        .inTransaction(tx -> tx.findTimer(Auth.owner(ctx), id))
        .orElseThrow(() -> unknown(id));
  }

  private static ApiError unknown(UUID id) {
    return ApiError.notFound("no timer with job_id " + id);
  }

  private static UUID jobId(Context ctx) {
    String text = ctx.pathParam("job_id");
    if (!JobRequests.isUuid(text)) {
      throw ApiError.invalid(
          List.of("path", "job_id"), "'" + text + "' is not a job id; job ids are UUIDs");
    }
    return UUID.fromString(text);
  }

  private static Long pageToken(Context ctx) {
    String token = ctx.queryParam("results_pt");
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw ApiError.invalid(
          List.of("query", "results_pt"), "is not a page token from a previous page_next");
    }
  }

  private static Set<TimerStatus> statusFilter(Context ctx) {
    List<String> wanted = ctx.queryParams("filter_status");
    boolean showDeleted = "true".equalsIgnoreCase(ctx.queryParam("show_deleted"));
    if (wanted.isEmpty()) {
      if (showDeleted) {
        return null;
      }
      Set<TimerStatus> all = EnumSet.allOf(TimerStatus.class);
      all.remove(TimerStatus.DELETED);
      return all;
    }
    Set<TimerStatus> statuses = EnumSet.noneOf(TimerStatus.class);
    for (String group : wanted) {
      for (String value : group.split(",")) {
        switch (value.trim().toLowerCase()) {
          case "active" ->
              statuses.addAll(EnumSet.of(TimerStatus.NEW, TimerStatus.LOADED, TimerStatus.UPDATED));
          case "inactive" -> statuses.add(TimerStatus.INACTIVE);
          case "ended" -> statuses.add(TimerStatus.ENDED);
          case "deleted" ->
              statuses.addAll(EnumSet.of(TimerStatus.DELETED, TimerStatus.DELETE_IN_PROGRESS));
          default ->
              throw ApiError.invalid(
                  List.of("query", "filter_status"),
                  "'" + value + "' is not a status filter; use active, inactive, ended or deleted");
        }
      }
    }
    return statuses;
  }

  private static Instant queryTime(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return org.globustimer.core.time.Times.parseIso(text);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(List.of("query", name), e.getMessage());
    }
  }

  private static int queryInt(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        throw ApiError.invalid(List.of("query", name), "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiError.invalid(List.of("query", name), "must be a whole number");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      throw ApiError.invalid(List.of("body"), "the request body must be a JSON object");
    }
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiError.invalid(
          List.of("body"),
          "malformed JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  private static void message(Context ctx, String text) {
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("message", text);
    json(ctx, answer);
  }

  static void json(Context ctx, JsonNode node) {
    ctx.contentType("application/json").result(node.toString());
  }

  private static void created(Context ctx, JsonNode node) {
    ctx.status(201);
    json(ctx, node);
  }
}
