package org.globustimer.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;

/** The JSON document a notification carries, the same for every channel. */
final class Payloads {

  private Payloads() {}

  static String of(
      UUID id,
      TimerRow timer,
      RunRow run,
      String event,
      String reason,
      Instant now,
      String dashboardUrl) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("notification_id", id.toString());
    doc.put("event", event);
    doc.put("sent_at", Times.format(now));
    ObjectNode t = doc.putObject("timer");
    t.put("job_id", timer.id().toString());
    t.put("name", timer.definition().name());
    t.put("timer_type", timer.definition().type().wire());
    t.put("owner", timer.owner());
    t.put("dashboard_url", dashboardUrl + timer.id());
    ObjectNode r = doc.putObject("run");
    r.put("tick_at", Times.format(run.tickAt()));
    r.put("ran_at", Times.format(run.ranAt()));
    r.put("end_timestamp", Times.format(run.endAt()));
    r.put("run_status", run.state().name());
    Integer http =
        run.httpStatusPolled() != null ? run.httpStatusPolled() : run.httpStatusSubmission();
    if (http == null) {
      r.putNull("http_status");
    } else {
      r.put("http_status", http);
    }
    r.set("errors", parse(run.errors()));
    doc.put("reason", reason);
    return doc.toString();
  }

  /** Why a run failed, in one line: its first error, else the provider's description. */
  static String reason(RunRow run) {
    JsonNode errors = parse(run.errors());
    if (errors.isArray() && !errors.isEmpty()) {
      return errors.get(0).isTextual() ? errors.get(0).asText() : errors.get(0).toString();
    }
    JsonNode description = parse(run.data()).path("details").path("description");
    return description.isTextual() ? description.asText() : "the action failed";
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
}
