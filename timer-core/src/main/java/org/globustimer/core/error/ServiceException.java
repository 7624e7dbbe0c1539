package org.globustimer.core.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The one unchecked exception root of the service: a failure in the words the HTTP edge answers
 * with. It carries the status, a machine-readable code, the message for people and, for a request
 * refused as invalid, each problem with its field. The edge renders it once ({@link ErrorBodies});
 * nothing reads its message to find out more.
 */
public class ServiceException extends RuntimeException {

  private final int status;
  private final String code;
  private final List<Problem> problems;

  public ServiceException(int status, String code, String message) {
    this(status, code, message, List.of(), null);
  }

  public ServiceException(int status, String code, String message, Throwable cause) {
    this(status, code, message, List.of(), cause);
  }

  protected ServiceException(
      int status, String code, String message, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public static ServiceException badRequest(String detail) {
    return new ServiceException(400, "BAD_REQUEST", detail);
  }

  public static ServiceException unauthorized(String detail) {
    return new ServiceException(401, "UNAUTHORIZED", detail);
  }

  public static ServiceException forbidden(String detail) {
    return new ServiceException(403, "FORBIDDEN", detail);
  }

  public static ServiceException notFound(String detail) {
    return new ServiceException(404, "NOT_FOUND", detail);
  }

  public static ServiceException conflict(String detail) {
    return new ServiceException(409, "CONFLICT", detail);
  }

  public static ServiceException unavailable(String detail) {
    return new ServiceException(503, "SERVICE_UNAVAILABLE", detail);
  }

  /** A request refused as invalid: 422 naming every problem found. */
  public static ServiceException invalid(List<Problem> problems) {
    String message = problems.isEmpty() ? "invalid request" : describe(problems.getFirst());
    return new ServiceException(422, "VALIDATION_ERROR", message, problems, null);
  }

  public static ServiceException invalid(List<String> loc, String msg) {
    return invalid(List.of(Problem.of(loc, msg)));
  }

  /** A string longer than its field allows. */
  public static ServiceException tooLong(List<String> loc, int limit) {
    return invalid(List.of(tooLongProblem(loc, limit)));
  }

  public static Problem tooLongProblem(List<String> loc, int limit) {
    return new Problem(loc, "must be at most " + limit + " characters", "string_too_long");
  }

  private static String describe(Problem problem) {
    List<String> loc = problem.loc();
    return loc.isEmpty() ? problem.msg() : loc.getLast() + ": " + problem.msg();
  }

  public int status() {
    return status;
  }

  /** What a client is told; the message unless a kind of error keeps its internals to the log. */
  public String detail() {
    return getMessage();
  }

  public String code() {
    return code;
  }

  /** The fields at fault, for a 422; empty for every other error. */
  public List<Problem> problems() {
    return problems;
  }

  /** Adds what this kind of error tells beyond its code and message (e.g. how to consent). */
  public void addDetails(ObjectNode body) {}
}
