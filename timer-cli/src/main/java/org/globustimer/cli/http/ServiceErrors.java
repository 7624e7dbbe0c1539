package org.globustimer.cli.http;

import java.time.Duration;
import org.globustimer.cli.CliException;

/** The one-line failures of calls to the timer service at one connection, in the user's words. */
final class ServiceErrors {

  private final Connection connection;

  ServiceErrors(Connection connection) {
    this.connection = connection;
  }

  CliException noAnswerWithin(Duration timeout, Exception cause) {
    return new CliException(
        "the timer service at "
            + connection.url()
            + " did not answer within "
            + timeout.toSeconds()
            + " s",
        cause);
  }

  CliException unreachable(String why, Exception cause) {
    String hint = connection.local() ? "; see 'globus-timer server status'" : "";
    return new CliException(
        "cannot reach the timer service at " + connection.url() + " (" + why + ")" + hint, cause);
  }

  CliException of(int status, String body) {
    String detail = ErrorDetail.describe(status, body);
    if (status == 401) {
      boolean none = connection.tokens().token().isEmpty();
      String what = none ? "no token for " + connection.url() : detail;
      return new CliException(what + "; " + connection.tokens().hint());
    }
    if (status == 403) {
      return new CliException("not allowed: " + detail);
    }
    if (status == 404) {
      return new NotFound(detail);
    }
    return new CliException(detail);
  }
}
