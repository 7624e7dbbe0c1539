package org.globustimer.server.config;

/** A setting that cannot be used; its message says which and why. */
public final class SettingsException extends RuntimeException {

  public SettingsException(String message) {
    super(message);
  }
}
