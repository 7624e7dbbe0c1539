package org.globustimer.transfer.action;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.globustimer.transfer.TransferException;

/** {@code release_after}: how long a finished action is kept before it is released on its own. */
final class ReleaseAfter {

  static final String DEFAULT = "P30D";

  private ReleaseAfter() {}

  /** The duration, refusing what is not an ISO 8601 duration of days and times. */
  static Duration parse(String iso) {
    try {
      Duration d = Duration.parse(iso);
      if (d.isNegative()) {
        throw TransferException.badRequest("release_after: must not be negative");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw TransferException.badRequest(
          "release_after: an ISO 8601 duration in days and time, such as P30D or PT12H");
    }
  }

  /** When an action finished at {@code completion} is released (unreadable values: the default). */
  static Instant at(String iso, Instant completion) {
    try {
      return completion.plus(parse(iso == null ? DEFAULT : iso));
    } catch (TransferException e) {
      return completion.plus(parse(DEFAULT));
    }
  }
}
