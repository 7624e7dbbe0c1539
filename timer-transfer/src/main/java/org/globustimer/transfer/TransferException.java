package org.globustimer.transfer;

import java.util.List;
import org.globustimer.core.error.Problem;
import org.globustimer.core.error.ServiceException;

/**
 * The transfer module's failures. Each carries a machine-readable {@code code} (FILE_NOT_FOUND,
 * PERMISSION_DENIED, PATH_OUTSIDE_ENDPOINT, ...), the HTTP status it maps to at the edge, and
 * whether it arose on the source side of a copy (which {@code skip_source_errors} may excuse).
 */
public class TransferException extends ServiceException {

  private final boolean source;

  public TransferException(String code, int httpStatus, String message) {
    this(code, httpStatus, message, List.of(), null, false);
  }

  public TransferException(String code, int httpStatus, String message, Throwable cause) {
    this(code, httpStatus, message, List.of(), cause, false);
  }

  private TransferException(
      String code,
      int httpStatus,
      String message,
      List<Problem> problems,
      Throwable cause,
      boolean source) {
    super(httpStatus, code, message, problems, cause);
    this.source = source;
  }

  public static TransferException badRequest(String message) {
    return new TransferException("BAD_REQUEST", 400, message);
  }

  public static TransferException notFound(String code, String message) {
    return new TransferException(code, 404, message);
  }

  /** A field of a request body that is wrong: 422 naming it. */
  public static TransferException validation(String field, String message) {
    Problem problem = Problem.of(List.of("body", field), message);
    return new TransferException(
        "VALIDATION_ERROR", 422, field + ": " + message, List.of(problem), null, false);
  }

  /** A string field longer than its limit: 422 naming it and the limit. */
  public static TransferException tooLong(List<String> loc, int limit) {
    Problem problem = ServiceException.tooLongProblem(loc, limit);
    return new TransferException(
        "VALIDATION_ERROR",
        422,
        loc.getLast() + ": " + problem.msg(),
        List.of(problem),
        null,
        false);
  }

  public static TransferException conflict(String message) {
    return new TransferException("CONFLICT", 409, message);
  }

  public static TransferException internal(String message, Throwable cause) {
    return new TransferException("INTERNAL_ERROR", 500, message, cause);
  }

  /** The same failure, marked as having happened while reading the source. */
  public TransferException onSource() {
    return source
        ? this
        : new TransferException(code(), status(), getMessage(), problems(), getCause(), true);
  }

  public int httpStatus() {
    return status();
  }

  public boolean isSourceError() {
    return source;
  }
}
