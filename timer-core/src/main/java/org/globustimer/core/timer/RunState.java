package org.globustimer.core.timer;

/** Where one fired tick is: being submitted, retried, running at the provider, or final. */
public enum RunState {
  SUBMITTING,
  RETRYING,
  ACTIVE,
  INACTIVE,
  SUCCEEDED,
  FAILED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }

  public boolean inProgressAtProvider() {
    return this == ACTIVE || this == INACTIVE;
  }
}
