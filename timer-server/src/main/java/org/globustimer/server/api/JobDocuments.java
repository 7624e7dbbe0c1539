package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;

/**
 * Renders a timer as the job document every client reads: the v1 fields, the v2 fields, results
 * newest first and the current activity.
 */
final class JobDocuments {

  private JobDocuments() {}

  /** A timer's callback body and action body as JSON trees. */
  record Bodies(JsonNode callbackBody, JsonNode body) {}

  static ObjectNode job(
      TimerRow timer, List<RunRow> results, String pageNext, RunRow current, Instant now) {
    return job(timer, results, pageNext, current, now, null);
  }

  /** With the bodies' trees when the caller has them, so that they are not parsed again. */
  static ObjectNode job(
      TimerRow timer,
      List<RunRow> results,
      String pageNext,
      RunRow current,
      Instant now,
      Bodies known) {
    TimerDefinition d = timer.definition();
    Bodies bodies = known != null ? known : new Bodies(parse(d.callbackBody()), parse(d.body()));
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
      doc.set("interval", ScheduleDocuments.seconds(d.interval()));
    }
    ObjectNode stopAfter = doc.putObject("stop_after");
    stopAfter.put("date", Times.format(d.endAt()));
    if (d.endRuns() == null) {
      stopAfter.putNull("n_runs");
    } else {
      stopAfter.put("n_runs", d.endRuns());
    }
    doc.set("schedule", ScheduleDocuments.schedule(d));
    doc.put("callback_url", d.callbackUrl());
    doc.set("callback_body", bodies.callbackBody());
    doc.put("scope", d.scope());
    doc.set("body", bodies.body());
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
    doc.set("activity", ActivityDocuments.activity(s, current, now));
    ObjectNode resultsNode = doc.putObject("results");
    ArrayNode data = resultsNode.putArray("data");
    for (RunRow run : results) {
      data.add(RunDocuments.result(run));
    }
    resultsNode.put("page_next", pageNext);
    return doc;
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
