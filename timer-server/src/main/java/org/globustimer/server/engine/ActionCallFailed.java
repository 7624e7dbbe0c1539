package org.globustimer.server.engine;

/** The provider could not be reached or did not answer: a transient failure worth retrying. */
final class ActionCallFailed extends RuntimeException {

  ActionCallFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
