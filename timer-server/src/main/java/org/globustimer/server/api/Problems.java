package org.globustimer.server.api;

import java.util.ArrayList;
import java.util.List;
import org.globustimer.core.error.Problem;
import org.globustimer.core.error.ServiceException;

/** Collects every problem of a request body so one answer names them all. */
final class Problems {

  private final List<Problem> found = new ArrayList<>();

  void add(List<String> location, String message) {
    found.add(Problem.of(location, message));
  }

  void add(Problem problem) {
    found.add(problem);
  }

  void add(String field, String message) {
    add(List.of("body", field), message);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw ServiceException.invalid(found);
    }
  }
}
