package org.globustimer.core.timer;

import java.util.Locale;

/** The public service's status values. NEW, LOADED and UPDATED are the scheduled ones. */
public enum TimerStatus {
  NEW,
  LOADED,
  UPDATED,
  INACTIVE,
  ENDED,
  DELETE_IN_PROGRESS,
  DELETED;

  public boolean isScheduled() {
    return this == NEW || this == LOADED || this == UPDATED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TimerStatus fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
