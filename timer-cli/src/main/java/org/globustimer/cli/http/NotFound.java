package org.globustimer.cli.http;

import org.globustimer.cli.CliException;

/** A 404, which some callers treat as an answer rather than a failure. */
final class NotFound extends CliException {
  NotFound(String detail) {
    super(detail);
  }
}
