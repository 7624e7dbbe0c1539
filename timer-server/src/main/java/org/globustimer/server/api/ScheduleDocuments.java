package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.TimerDefinition;

/** A timer's schedule as the job document's v2 {@code schedule}: once, recurring or cron. */
final class ScheduleDocuments {

  private ScheduleDocuments() {}

  static ObjectNode schedule(TimerDefinition d) {
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

  /** Whole seconds as an integer, else as a fraction. */
  static JsonNode seconds(Duration interval) {
    long millis = interval.toMillis();
    return millis % 1000 == 0
        ? Json.mapper().getNodeFactory().numberNode(millis / 1000)
        : Json.mapper().getNodeFactory().numberNode(millis / 1000.0);
  }
}
