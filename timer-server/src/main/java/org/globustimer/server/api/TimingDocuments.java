package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.globustimer.core.cron.CronDescription;
import org.globustimer.core.cron.CronSchedule;
import org.globustimer.core.json.Json;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.Timing;

/**
 * The timing fields of a job document, beside the public ones: clients that know only {@code
 * interval} see a cron timer with {@code interval: null} and its real {@code next_run}.
 */
final class TimingDocuments {

  private TimingDocuments() {}

  static void add(ObjectNode doc, TimerDefinition d) {
    Timing timing = d.timing();
    CronSchedule cron = timing.cron();
    doc.put("cron", cron == null ? null : cron.cron().text());
    doc.put("timezone", cron == null ? null : cron.zone());
    doc.put("schedule_description", describe(d));
    doc.put("jitter_seconds", timing.jitterSeconds());
    doc.put("overlap_policy", timing.overlap().wire());
    doc.put("catchup_policy", timing.catchUp().wire());
    if (timing.catchUpWindow() == null) {
      doc.putNull("catchup_window_seconds");
    } else {
      doc.put("catchup_window_seconds", timing.catchUpWindow().toSeconds());
    }
  }

  /** The schedule in words: "at 02:00 Europe/Berlin, every day", "every 3600 s", "once at …". */
  static String describe(TimerDefinition d) {
    if (d.isCron()) {
      return CronDescription.describe(d.timing().cron());
    }
    if (d.runsOnce()) {
      return "once at " + Times.format(d.start());
    }
    return "every " + d.interval().toSeconds() + " s from " + Times.format(d.start());
  }

  /** {@code GET /jobs/{id}/next}: the coming fire instants in UTC and in the timer's zone. */
  static ObjectNode next(TimerDefinition d, List<Instant> fireTimes) {
    ObjectNode answer = Json.mapper().createObjectNode();
    String zone = d.isCron() ? d.timing().cron().zone() : "UTC";
    answer.put("timezone", zone);
    answer.put("schedule_description", describe(d));
    ArrayNode runs = answer.putArray("next_runs");
    for (Instant at : fireTimes) {
      ObjectNode run = runs.addObject();
      run.put("utc", Times.format(at));
      run.put(
          "local",
          d.isCron()
              ? d.timing().cron().local(at).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              : Times.format(at));
    }
    return answer;
  }
}
