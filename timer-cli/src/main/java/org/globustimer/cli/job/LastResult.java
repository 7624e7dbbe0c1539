package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * How a run ended, from its action's status (or the timer's run status): words the seed printed for
 * people, action states for scripts.
 */
enum LastResult {
  NOT_RUN("NOT RUN", "NOT_RUN"),
  RUNNING("RUNNING", "ACTIVE"),
  SUCCEEDED("RUN COMPLETE", "SUCCEEDED"),
  FAILED("FAILURE", "FAILED");

  private static final Set<String> DONE = Set.of("SUCCEEDED", "SUCCESS", "COMPLETE", "COMPLETED");
  private static final Set<String> BUSY =
      Set.of("ACTIVE", "INACTIVE", "RUNNING", "SUBMITTING", "SUBMITTED", "PENDING", "RETRYING");

  final String words;
  final String state;

  LastResult(String words, String state) {
    this.words = words;
    this.state = state;
  }

  boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }

  /** The newest result of a job document (results are newest first). */
  static JsonNode latest(JsonNode job) {
    JsonNode data = job.path("results").path("data");
    return data.isArray() && !data.isEmpty() ? data.get(0) : null;
  }

  static LastResult ofJob(JsonNode job) {
    return of(latest(job));
  }

  static LastResult of(JsonNode result) {
    if (result == null || result.isNull()) {
      return NOT_RUN;
    }
    String action = upper(result.path("data").path("status"));
    String run = upper(result.path("run_status"));
    if (failed(action) || failed(run)) {
      return FAILED;
    }
    if (DONE.contains(action) || DONE.contains(run)) {
      return SUCCEEDED;
    }
    if (BUSY.contains(action) || BUSY.contains(run)) {
      return RUNNING;
    }
    int http = result.path("status").asInt(0);
    boolean errors = result.path("errors").isArray() && !result.path("errors").isEmpty();
    return http >= 400 || errors ? FAILED : RUNNING;
  }

  private static boolean failed(String status) {
    return status.contains("FAIL") || status.equals("ERROR") || status.equals("CANCELLED");
  }

  private static String upper(JsonNode node) {
    return node.isValueNode() ? node.asText().toUpperCase(Locale.ROOT) : "";
  }
}
