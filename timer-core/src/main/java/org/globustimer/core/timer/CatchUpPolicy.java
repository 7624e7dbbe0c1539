package org.globustimer.core.timer;

import java.util.Locale;

/** What a timer does with ticks it missed while the service was down. */
public enum CatchUpPolicy {
  /** The latest missed tick runs once; the earlier ones are dropped. */
  ONE,
  /** Missed ticks are dropped; the timer waits for its next tick. */
  NONE,
  /** Every missed tick runs, oldest first, as far back as the catch-up window reaches. */
  ALL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CatchUpPolicy fromWire(String text) {
    for (CatchUpPolicy policy : values()) {
      if (policy.wire().equals(text)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a catch-up policy; use one, none or all");
  }
}
