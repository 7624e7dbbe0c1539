package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.RunRow;

/** Renders one run of a timer as an entry of the job document's results. */
final class RunDocuments {

  private RunDocuments() {}

  static ObjectNode result(RunRow run) {
    ObjectNode result = Json.mapper().createObjectNode();
    result.put("ran_at", Times.format(run.ranAt()));
    result.put("tick_at", Times.format(run.tickAt()));
    putInt(result, "status", run.httpStatusSubmission());
    result.set("data", JobDocuments.parse(run.data()));
    result.set("errors", JobDocuments.parse(run.errors()));
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

  private static void putInt(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
