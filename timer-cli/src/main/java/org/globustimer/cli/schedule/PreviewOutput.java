package org.globustimer.cli.schedule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.core.cron.CronDescription;
import org.globustimer.core.cron.CronSchedule;
import org.globustimer.core.time.Times;

/** How {@code schedule preview} shows a schedule's fire times, in UTC and in its zone. */
final class PreviewOutput {

  private PreviewOutput() {}

  static void print(
      PrintWriter out, OutputFormat format, CronSchedule schedule, List<Instant> ticks) {
    String words = CronDescription.describe(schedule);
    switch (format) {
      case JSON -> {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("cron", schedule.cron().text());
        node.put("timezone", schedule.zone());
        node.put("description", words);
        ArrayNode runs = node.putArray("next_runs");
        for (Instant tick : ticks) {
          runs.addObject().put("utc", Times.format(tick)).put("local", local(schedule, tick));
        }
        JsonOutput.print(out, node);
      }
      case UNIX -> ticks.forEach(t -> out.println(Times.format(t) + "\t" + local(schedule, t)));
      case TEXT -> {
        out.println(words);
        for (Instant tick : ticks) {
          out.println("  " + Times.format(tick) + "   " + local(schedule, tick));
        }
        if (ticks.isEmpty()) {
          out.println("  (no more fire times)");
        }
      }
    }
    out.flush();
  }

  static String local(CronSchedule schedule, Instant tick) {
    return schedule.local(tick).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + " "
        + schedule.zone();
  }
}
