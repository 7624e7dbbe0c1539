package org.globustimer.server.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a request body so one answer names them all. */
final class Problems {

  private final List<ApiError.Problem> found = new ArrayList<>();

  void add(List<String> location, String message) {
    found.add(new ApiError.Problem(location, message, "value_error"));
  }

  void add(String field, String message) {
    add(List.of("body", field), message);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ApiError.Invalid(found);
    }
  }
}
