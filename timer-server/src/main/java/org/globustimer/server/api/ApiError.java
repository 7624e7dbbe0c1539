package org.globustimer.server.api;

import java.util.List;

/**
 * A request the API answers with an error body instead of a result. {@link Invalid} is a validation
 * failure (422 with a {@code detail} list); {@link Plain} any other error ({@code {"error":
 * {"code", "detail"}}}).
 */
public sealed class ApiError extends RuntimeException {

  private ApiError(String message) {
    super(message, null, false, false);
  }

  public static ApiError notFound(String detail) {
    return new Plain(404, "NOT_FOUND", detail);
  }

  public static ApiError conflict(String detail) {
    return new Plain(409, "CONFLICT", detail);
  }

  public static ApiError unauthorized(String detail) {
    return new Plain(401, "UNAUTHORIZED", detail);
  }

  public static ApiError forbidden(String detail) {
    return new Plain(403, "FORBIDDEN", detail);
  }

  public static ApiError unavailable(String detail) {
    return new Plain(503, "SERVICE_UNAVAILABLE", detail);
  }

  public static Invalid invalid(List<String> location, String message) {
    return new Invalid(List.of(new Problem(location, message, "value_error")));
  }

  /** One problem of a request: where ({@code ["body", "interval"]}) and what. */
  public record Problem(List<String> loc, String msg, String type) {}

  public static final class Plain extends ApiError {
    private final int status;
    private final String code;

    public Plain(int status, String code, String detail) {
      super(detail);
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  public static final class Invalid extends ApiError {
    private final List<Problem> problems;

    public Invalid(List<Problem> problems) {
      super(problems.isEmpty() ? "invalid request" : problems.getFirst().msg());
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
