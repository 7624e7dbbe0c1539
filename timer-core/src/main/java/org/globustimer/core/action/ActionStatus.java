package org.globustimer.core.action;

/** The four states of an action; SUCCEEDED and FAILED are final. */
public enum ActionStatus {
  ACTIVE,
  INACTIVE,
  SUCCEEDED,
  FAILED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }

  public static ActionStatus parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
