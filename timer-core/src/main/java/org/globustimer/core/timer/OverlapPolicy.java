package org.globustimer.core.timer;

import java.util.Locale;

/** What a tick (or a run-now request) does while the timer's previous run is still in progress. */
public enum OverlapPolicy {
  /** The tick is skipped; the public service's rule. */
  SKIP,
  /** The tick waits and runs once right after the current run ends; later ones are dropped. */
  BUFFER_ONE,
  /** The tick starts a run regardless. */
  ALLOW_ALL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OverlapPolicy fromWire(String text) {
    for (OverlapPolicy policy : values()) {
      if (policy.wire().equals(text)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not an overlap policy; use skip, buffer_one or allow_all");
  }
}
