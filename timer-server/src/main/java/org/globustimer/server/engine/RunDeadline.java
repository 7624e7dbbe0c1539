package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.time.Times;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;

/**
 * When a run still in progress at its provider is given up: the timer's own run timeout (or else
 * the service's) after the run started, or the deadline its request names (the action's {@code
 * deadline}, or a transfer body's) with a short grace for the provider to report its own failure
 * first; whichever is earlier.
 */
record RunDeadline(Instant at, String why) {

  static final Duration GRACE = Duration.ofSeconds(30);

  static RunDeadline of(TimerRow timer, RunRow run, Duration serviceTimeout) {
    RunDeadline earliest = null;
    Duration own = timer.definition().runTimeout();
    Duration runTimeout = own != null ? own : serviceTimeout;
    if (runTimeout != null && !runTimeout.isZero() && run.ranAt() != null) {
      String which =
          own != null
              ? "the timer's run timeout of " + words(runTimeout) + " (run_timeout)"
              : "the service's run timeout of " + words(runTimeout) + " (run_timeout_seconds)";
      earliest = new RunDeadline(run.ranAt().plus(runTimeout), which);
    }
    Instant requested = requestedDeadline(timer);
    if (requested != null && (earliest == null || requested.plus(GRACE).isBefore(earliest.at))) {
      earliest = new RunDeadline(requested.plus(GRACE), "its deadline " + Times.format(requested));
    }
    return earliest;
  }

  private static Instant requestedDeadline(TimerRow timer) {
    JsonNode callbackBody = RunJson.parse(timer.definition().callbackBody());
    Instant outer = instant(callbackBody.path("deadline"));
    Instant inner = instant(callbackBody.path("body").path("deadline"));
    Instant transfer = instant(RunJson.parse(timer.definition().body()).path("deadline"));
    Instant earliest = null;
    for (Instant candidate : new Instant[] {outer, inner, transfer}) {
      if (candidate != null && (earliest == null || candidate.isBefore(earliest))) {
        earliest = candidate;
      }
    }
    return earliest;
  }

  private static Instant instant(JsonNode value) {
    if (!value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    try {
      return Times.parseIso(value.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String words(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + " h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }
}
