package org.globustimer.core.error;

import java.util.List;

/**
 * One thing wrong with a request: where ({@code ["body", "name"]}, {@code ["query", "limit"]}),
 * what in words, and its kind ({@code value_error}, {@code string_too_long}, ...), as the
 * validation errors of the public service name them.
 */
public record Problem(List<String> loc, String msg, String type) {

  public Problem {
    loc = List.copyOf(loc);
  }

  public static Problem of(List<String> loc, String msg) {
    return new Problem(loc, msg, "value_error");
  }
}
