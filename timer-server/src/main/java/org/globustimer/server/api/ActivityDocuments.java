package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;

/**
 * What a timer is doing now, as the job document's {@code activity}: paused, running or waiting.
 */
final class ActivityDocuments {

  private ActivityDocuments() {}

  static JsonNode activity(TimerState s, RunRow current, Instant now) {
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
}
