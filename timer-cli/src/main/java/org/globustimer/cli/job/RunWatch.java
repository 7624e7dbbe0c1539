package org.globustimer.cli.job;

import static org.globustimer.cli.output.Texts.localTime;
import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.globustimer.cli.CliException;
import org.globustimer.cli.http.ApiClient;

/**
 * Follows a timer's current run until its action is final: redraws one line on a terminal, prints a
 * line per change otherwise. With no run in progress it waits for the next one to start.
 */
final class RunWatch {

  private static final int BAR_WIDTH = 24;

  private final ApiClient api;
  private final String path;
  private final PrintWriter out;
  private final boolean terminal;
  private final Duration poll;
  private String lastLine;

  RunWatch(ApiClient api, String path, PrintWriter out, boolean terminal, Duration poll) {
    this.api = api;
    this.path = path;
    this.out = out;
    this.terminal = terminal;
    this.poll = poll;
  }

  int follow() {
    JsonNode job = fetch();
    JsonNode latest = LastResult.latest(job);
    if (latest == null || LastResult.of(latest).isFinal()) {
      String next = text(job, "next_run");
      if (next == null) {
        out.println(
            "No run in progress and none scheduled; last result: " + LastResult.ofJob(job).words);
        return LastResult.ofJob(job) == LastResult.FAILED ? 1 : 0;
      }
      out.println("No run in progress; waiting for the next run at " + localTime(next) + " ...");
      out.flush();
      String previous = latest == null ? null : runKey(latest);
      while (latest == null || Objects.equals(runKey(latest), previous)) {
        sleep();
        job = fetch();
        latest = LastResult.latest(job);
        if (text(job, "next_run") == null
            && (latest == null || Objects.equals(runKey(latest), previous))) {
          out.println("The timer has no more runs scheduled (status " + text(job, "status") + ").");
          return 0;
        }
      }
    }
    String followed = runKey(latest);
    while (true) {
      LastResult state = LastResult.of(latest);
      show(line(latest, state));
      if (state.isFinal()) {
        finish();
        if (state == LastResult.FAILED) {
          throw new CliException(
              "the run that started at " + localTime(text(latest, "ran_at")) + " failed");
        }
        return 0;
      }
      sleep();
      latest = find(fetch(), followed);
    }
  }

  private JsonNode fetch() {
    return api.get(path, Map.of("page_size", "10"));
  }

  /** The followed run among the latest results (newer runs may have been added meanwhile). */
  private static JsonNode find(JsonNode job, String key) {
    for (JsonNode result : job.path("results").path("data")) {
      if (key.equals(runKey(result))) {
        return result;
      }
    }
    return LastResult.latest(job);
  }

  private static String runKey(JsonNode result) {
    String action = text(result.path("data"), "action_id");
    return action != null ? action : String.valueOf(text(result, "ran_at"));
  }

  static String line(JsonNode result, LastResult state) {
    JsonNode data = result.path("data");
    String action = text(data, "status");
    StringBuilder line = new StringBuilder(state.words);
    if (action != null && !action.equals(state.state)) {
      line.append(" (").append(action).append(')');
    }
    JsonNode details = data.path("details");
    if (details.has("files")) {
      TransferProgress progress = TransferProgress.of(details);
      line.append("  ").append(progress.bar(BAR_WIDTH)).append("  ").append(progress.describe());
      String nice = text(details, "nice_status");
      if (nice != null) {
        line.append("  ").append(nice);
      }
    } else {
      String description = RunView.details(result);
      if (!description.isEmpty()) {
        line.append("  ").append(description);
      }
    }
    return line.toString();
  }

  private void show(String line) {
    if (line.equals(lastLine)) {
      return;
    }
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
    } else {
      out.println(line);
    }
    out.flush();
    lastLine = line;
  }

  private void finish() {
    if (terminal) {
      out.println();
      out.flush();
    }
  }

  private void sleep() {
    try {
      Thread.sleep(poll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }
}
