package org.globustimer.core.timer;

import java.util.Locale;

/** What resuming a paused timer does with a tick missed while it was paused. */
public enum ResumePolicy {
  RUN_ONCE,
  WAIT_FOR_NEXT_SCHEDULED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResumePolicy fromWire(String text) {
    for (ResumePolicy policy : values()) {
      if (policy.wire().equals(text)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a resume policy; use run_once or wait_for_next_scheduled");
  }
}
