package org.globustimer.transfer;

/**
 * The one unchecked exception of the transfer module. It carries a machine-readable {@code code}
 * (FILE_NOT_FOUND, PERMISSION_DENIED, PATH_OUTSIDE_ENDPOINT, ...), the HTTP status it maps to at
 * the edge, and whether it arose on the source side of a copy (which {@code skip_source_errors} may
 * excuse).
 */
public class TransferException extends RuntimeException {

  private final String code;
  private final int httpStatus;
  private final boolean source;

  public TransferException(String code, int httpStatus, String message) {
    this(code, httpStatus, message, null, false);
  }

  public TransferException(String code, int httpStatus, String message, Throwable cause) {
    this(code, httpStatus, message, cause, false);
  }

  private TransferException(
      String code, int httpStatus, String message, Throwable cause, boolean source) {
    super(message, cause);
    this.code = code;
    this.httpStatus = httpStatus;
    this.source = source;
  }

  public static TransferException badRequest(String message) {
    return new TransferException("BAD_REQUEST", 400, message);
  }

  public static TransferException notFound(String code, String message) {
    return new TransferException(code, 404, message);
  }

  public static TransferException validation(String message) {
    return new TransferException("VALIDATION_ERROR", 422, message);
  }

  public static TransferException conflict(String message) {
    return new TransferException("CONFLICT", 409, message);
  }

  public static TransferException internal(String message, Throwable cause) {
    return new TransferException("INTERNAL_ERROR", 500, message, cause);
  }

  /** The same failure, marked as having happened while reading the source. */
  public TransferException onSource() {
    return source ? this : new TransferException(code, httpStatus, getMessage(), getCause(), true);
  }

  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public boolean isSourceError() {
    return source;
  }
}
