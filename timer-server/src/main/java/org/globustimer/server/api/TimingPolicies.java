package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.globustimer.core.timer.CatchUpPolicy;
import org.globustimer.core.timer.OverlapPolicy;

/**
 * Reads each timing policy field of a request: jitter, overlap, catch-up and its window. An absent
 * field keeps {@code current}; a bad one records a problem and keeps it too.
 */
final class TimingPolicies {

  static final int MAX_JITTER_SECONDS = 86_400;

  private TimingPolicies() {}

  static int jitter(Fields f, int current) {
    JsonNode value = f.raw("jitter_seconds");
    if (value == null) {
      return current;
    }
    if (value.isNull()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      f.problem("jitter_seconds", "must be a whole number of seconds, such as 300");
      return current;
    }
    int seconds = value.asInt();
    if (seconds < 0 || seconds > MAX_JITTER_SECONDS) {
      f.problem("jitter_seconds", "must be between 0 and " + MAX_JITTER_SECONDS + " seconds");
      return current;
    }
    return seconds;
  }

  static OverlapPolicy overlap(Fields f, OverlapPolicy current) {
    String text = f.text("overlap_policy", false);
    if (text == null) {
      return current;
    }
    try {
      return OverlapPolicy.fromWire(text);
    } catch (IllegalArgumentException e) {
      f.problem("overlap_policy", e.getMessage());
      return current;
    }
  }

  static CatchUpPolicy catchUp(Fields f, CatchUpPolicy current) {
    String text = f.text("catchup_policy", false);
    if (text == null) {
      return current;
    }
    try {
      return CatchUpPolicy.fromWire(text);
    } catch (IllegalArgumentException e) {
      f.problem("catchup_policy", e.getMessage());
      return current;
    }
  }

  static Duration window(Fields f, Duration current) {
    if (!f.present("catchup_window_seconds")) {
      return current;
    }
    Duration window = f.seconds("catchup_window_seconds");
    return window == null ? current : window;
  }
}
