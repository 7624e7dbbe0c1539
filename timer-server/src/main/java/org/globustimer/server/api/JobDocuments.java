package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;

/**
 * Renders a timer as the job document every client reads: the v1 fields, the v2 fields, results
 * newest first and the current activity.
 */
final class JobDocuments {

  private JobDocuments() {}

  static ObjectNode job(
      TimerRow timer, List<RunRow> results, String pageNext, RunRow current, Instant now) {
    TimerDefinition d = timer.definition();
    TimerState s = timer.state();
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("job_id", timer.id().toString());
    doc.put("name", d.name() == null ? "" : d.name());
    doc.put("timer_type", d.type().wire());
    doc.put("status", s.status().wire());
    if (s.inactiveCause() != null) {
      ObjectNode reason = doc.putObject("inactive_reason");
      reason.put("cause", s.inactiveCause());
      // The public schema types detail as an object: an auth requirements error, else null.
      if ("globus_auth_requirements".equals(s.inactiveCause())) {
        reason.set("detail", authRequirements(s.inactiveDetail()));
      } else {
        reason.putNull("detail");
      }
    } else {
      doc.putNull("inactive_reason");
    }
    doc.put("submitted_at", Times.format(timer.submittedAt()));
    doc.put("start", Times.format(d.start()));
    if (d.interval() == null) {
      doc.putNull("interval");
    } else {
      doc.set("interval", seconds(d.interval()));
    }
    ObjectNode stopAfter = doc.putObject("stop_after");
    stopAfter.put("date", Times.format(d.endAt()));
    if (d.endRuns() == null) {
      stopAfter.putNull("n_runs");
    } else {
      stopAfter.put("n_runs", d.endRuns());
    }
    doc.set("schedule", schedule(d));
    doc.put("callback_url", d.callbackUrl());
    doc.set("callback_body", parse(d.callbackBody()));
    doc.put("scope", d.scope());
    doc.set("body", parse(d.body()));
    if (d.flowId() != null) {
      doc.put("flow_id", d.flowId());
    }
    doc.put("resume_policy", d.resumePolicy().wire());
    TimingDocuments.add(doc, d);
    NotifyDocuments.add(doc, d);
    doc.put("last_ran_at", Times.format(s.lastRanAt()));
    doc.put("next_run", Times.format(s.status().isScheduled() ? s.nextRunAt() : null));
    doc.put("n_runs", s.runs());
    doc.put("n_errors", s.errors());
    doc.put("number_of_runs", s.runs());
    doc.put("number_of_errors", s.errors());
    doc.put("n_skipped", s.skipped());
    doc.set("activity", activity(s, current, now));
    ObjectNode resultsNode = doc.putObject("results");
    ArrayNode data = resultsNode.putArray("data");
    for (RunRow run : results) {
      data.add(result(run));
    }
    resultsNode.put("page_next", pageNext);
    return doc;
  }

  static ObjectNode result(RunRow run) {
    ObjectNode result = Json.mapper().createObjectNode();
    result.put("ran_at", Times.format(run.ranAt()));
    result.put("tick_at", Times.format(run.tickAt()));
    putInt(result, "status", run.httpStatusSubmission());
    result.set("data", parse(run.data()));
    result.set("errors", parse(run.errors()));
    result.put("run_status", run.state().name());
    result.put("request_id", run.requestId());
    result.put("action_id", run.actionId());
    result.put("start_timestamp", Times.format(run.ranAt()));
    result.put("end_timestamp", Times.format(run.endAt()));
    putInt(result, "http_status_submission", run.httpStatusSubmission());
    putInt(result, "http_status_polled", run.httpStatusPolled());
    result.put("last_check_timestamp", Times.format(run.lastCheckAt()));
    result.put("next_check_timestamp", Times.format(run.nextCheckAt()));
    return result;
  }

  private static JsonNode activity(TimerState s, RunRow current, Instant now) {
    ObjectNode activity = Json.mapper().createObjectNode();
    if (s.status() == TimerStatus.INACTIVE) {
      activity.put("code", "paused");
      String cause = s.inactiveCause();
      activity.put(
          "reason",
          "user".equals(cause) || "globus_auth_requirements".equals(cause) ? cause : "other");
      return activity;
    }
    if (current != null && !current.state().isFinal()) {
      boolean retrying = current.state() == RunState.RETRYING;
      activity.put("code", retrying ? "retrying" : "run_in_progress");
      activity.put("start_timestamp", Times.format(current.ranAt()));
      if (!retrying) {
        activity.put(
            "duration_seconds", Duration.between(current.ranAt(), now).toMillis() / 1000.0);
      }
      return activity;
    }
    if (!s.status().isScheduled() || s.nextRunAt() == null) {
      return Json.mapper().nullNode();
    }
    activity.put("code", "awaiting_next_run");
    activity.put("next_run", Times.format(s.nextRunAt()));
    return activity;
  }

  private static ObjectNode schedule(TimerDefinition d) {
    ObjectNode schedule = Json.mapper().createObjectNode();
    if (d.runsOnce()) {
      schedule.put("type", "once");
      schedule.put("datetime", Times.format(d.start()));
      return schedule;
    }
    if (d.isCron()) {
      schedule.put("type", "cron");
      schedule.put("expression", d.timing().cron().cron().text());
      schedule.put("timezone", d.timing().cron().zone());
    } else {
      schedule.put("type", "recurring");
      schedule.set("interval_seconds", seconds(d.interval()));
    }
    schedule.put("start", Times.format(d.start()));
    if (d.endAt() != null) {
      ObjectNode end = schedule.putObject("end");
      end.put("condition", "time");
      end.put("datetime", Times.format(d.endAt()));
    } else if (d.endRuns() != null) {
      ObjectNode end = schedule.putObject("end");
      end.put("condition", "iterations");
      end.put("count", d.endRuns());
      end.put("iterations", d.endRuns());
    } else {
      schedule.putNull("end");
    }
    return schedule;
  }

  private static JsonNode seconds(Duration interval) {
    long millis = interval.toMillis();
    return millis % 1000 == 0
        ? Json.mapper().getNodeFactory().numberNode(millis / 1000)
        : Json.mapper().getNodeFactory().numberNode(millis / 1000.0);
  }

  private static void putInt(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  static JsonNode parse(String json) {
    if (json == null) {
      return Json.mapper().nullNode();
    }
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      return Json.mapper().getNodeFactory().textNode(json);
    }
  }

  /**
   * A Globus Auth requirements error (GARE), the shape clients of the public service parse here
   * (the Globus CLI reads it before resuming); its {@code session_message} is our readable detail.
   */
  private static ObjectNode authRequirements(String detail) {
    ObjectNode gare = Json.mapper().createObjectNode();
    gare.put("code", "AuthorizationRequired");
    gare.putObject("authorization_parameters").put("session_message", detail);
    return gare;
  }
}
