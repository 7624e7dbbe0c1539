package org.globustimer.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerType;
import org.globustimer.server.engine.EngineEvents;

/** Turns what the engine reports into counters and the firing-lag histogram. */
public final class EngineMetrics implements EngineEvents {

  private final ServiceMetrics metrics;

  public EngineMetrics(ServiceMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void claimed(int timers, int runChecks) {
    metrics.add(
        "claims", "Claims this node took", timers, "kind", "timer", "node", metrics.nodeId());
    metrics.add(
        "claims",
        "Claims this node took",
        runChecks,
        "kind",
        "run_check",
        "node",
        metrics.nodeId());
  }

  @Override
  public void leaseRenewed() {
    metrics.count("lease.renewals", "Claims this node kept for longer", "node", metrics.nodeId());
  }

  @Override
  public void fired(TimerRow timer, Duration lag) {
    metrics.recordLag(lag);
  }

  @Override
  public void skipped(TimerRow timer) {
    metrics.count("firings", "Ticks fired, by how their submission went", "outcome", "skipped");
  }

  @Override
  public void submitted(TimerRow timer, RunRow run) {
    String outcome =
        switch (run.state()) {
          case RETRYING -> "retrying";
          case FAILED -> "failed";
          case SUCCEEDED -> "succeeded";
          default -> "accepted";
        };
    metrics.count("firings", "Ticks fired, by how their submission went", "outcome", outcome);
    if (run.state() == RunState.RETRYING) {
      metrics.count("submission.retries", "Submissions that failed transiently and are retried");
    }
  }

  @Override
  public void runFinished(TimerRow timer, RunRow run) {
    String outcome = run.state() == RunState.SUCCEEDED ? "succeeded" : "failed";
    metrics.count("runs.finished", "Runs that reached a final state", "outcome", outcome);
    if (timer.definition().type() == TimerType.TRANSFER) {
      JsonNode details = details(run.data());
      metrics.add(
          "transfer.files",
          "Files copied by transfer runs",
          details.path("files_transferred").asDouble(0));
      metrics.add(
          "transfer.bytes",
          "Bytes copied by transfer runs",
          details.path("bytes_transferred").asDouble(0));
    }
  }

  @Override
  public void pausedByService(TimerRow timer, String cause, String detail) {
    metrics.count("paused.by.service", "Timers the service paused itself", "cause", cause);
  }

  private static JsonNode details(String data) {
    if (data == null) {
      return Json.mapper().missingNode();
    }
    try {
      return Json.mapper().readTree(data).path("details");
    } catch (IOException e) {
      return Json.mapper().missingNode();
    }
  }
}
