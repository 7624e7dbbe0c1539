package org.globustimer.cli.job;

import static org.globustimer.cli.output.Texts.localTime;
import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.cli.output.Summary;
import org.globustimer.cli.output.Texts;

/** How jobs and their results are shown in each output format. */
final class JobView {

  private JobView() {}

  static void printJob(PrintWriter out, JsonNode job, OutputFormat format) {
    switch (format) {
      case JSON -> JsonOutput.print(out, job);
      case UNIX -> out.println(unixLine(job));
      case TEXT -> summary(job).print(out);
    }
  }

  static Summary summary(JsonNode job) {
    JsonNode stopAfter = job.path("stop_after");
    return new Summary()
        .put("Name", text(job, "name"))
        .put("Job ID", text(job, "job_id"))
        .put("Status", text(job, "status"))
        .put("Inactive Reason", inactiveReason(job.path("inactive_reason")))
        .put("Start", localTime(text(job, "start")))
        .put("Interval", job.path("cron").isTextual() ? null : Texts.interval(job.get("interval")))
        .put("Schedule", text(job, "schedule_description"))
        .put("Policies", policies(job))
        .put("Notifications", NotifyView.notifications(job))
        .put("Run Timeout", NotifyView.runTimeout(job))
        .put("Stop After", stopAfter(stopAfter))
        .put("Next Run At", localTime(text(job, "next_run")))
        .put("Runs", runs(job))
        .put("Last Run Result", LastResult.ofJob(job).words)
        .put("Failure Reason", failureReason(job));
  }

  /** Why the last run failed, in one line; null when it did not fail. */
  static String failureReason(JsonNode job) {
    JsonNode latest = LastResult.latest(job);
    if (LastResult.of(latest) != LastResult.FAILED) {
      return null;
    }
    String why = RunView.details(latest).replaceAll("\\s+", " ").strip();
    return why.isEmpty() ? "no reason was given" : why;
  }

  /** Jitter, overlap and catch-up, when any differs from the defaults. */
  private static String policies(JsonNode job) {
    int jitter = job.path("jitter_seconds").asInt(0);
    String overlap = job.path("overlap_policy").asText("skip");
    String catchUp = job.path("catchup_policy").asText("one");
    if (jitter == 0 && overlap.equals("skip") && catchUp.equals("one")) {
      return null;
    }
    return "jitter "
        + jitter
        + " s, overlap "
        + overlap.replace('_', '-')
        + ", catch-up "
        + catchUp
        + (catchUp.equals("all") && job.path("catchup_window_seconds").isNumber()
            ? " within " + Texts.duration(job.path("catchup_window_seconds").asLong())
            : "");
  }

  /** Why a timer stopped, and for credentials what to run: the service's detail says it. */
  private static String inactiveReason(JsonNode reason) {
    if (!reason.isObject()) {
      return null;
    }
    String cause = text(reason, "cause");
    JsonNode detail = reason.path("detail");
    String words =
        detail.isObject()
            ? text(detail.path("authorization_parameters"), "session_message")
            : text(reason, "detail");
    return words == null || words.isEmpty() ? cause : cause + ": " + words;
  }

  /** One line for scripts: job_id, name, status, last result, start, interval, next run. */
  static String unixLine(JsonNode job) {
    return String.join(
        "\t",
        orEmpty(text(job, "job_id")),
        orEmpty(text(job, "name")),
        orEmpty(text(job, "status")),
        LastResult.ofJob(job).state,
        orEmpty(text(job, "start")),
        orEmpty(text(job, "interval")),
        orEmpty(text(job, "next_run")));
  }

  private static String stopAfter(JsonNode stopAfter) {
    String date = localTime(text(stopAfter, "date"));
    String runs = text(stopAfter, "n_runs");
    if (date == null && runs == null) {
      return null;
    }
    if (date != null && runs != null) {
      return date + " or " + runs + " runs";
    }
    return date != null ? date : runs + " runs";
  }

  private static String runs(JsonNode job) {
    String runs = text(job, "n_runs");
    String errors = text(job, "n_errors");
    if (runs == null) {
      return null;
    }
    return errors == null || errors.equals("0") ? runs : runs + " (" + errors + " failed)";
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
