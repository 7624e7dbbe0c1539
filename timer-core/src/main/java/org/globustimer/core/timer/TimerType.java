package org.globustimer.core.timer;

import java.util.Locale;

public enum TimerType {
  GENERIC,
  TRANSFER,
  FLOW;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TimerType fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
