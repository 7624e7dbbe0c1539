package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.time.Times;

/** Typed reads of one JSON object's fields; each bad field becomes a problem naming it. */
final class Fields {

  private final JsonNode node;
  private final Problems problems;
  private final List<String> location;

  Fields(JsonNode node, Problems problems, List<String> location) {
    this.node = node;
    this.problems = problems;
    this.location = location;
  }

  static Fields ofBody(JsonNode body, Problems problems) {
    return new Fields(body, problems, List.of("body"));
  }

  Fields nested(String name) {
    JsonNode value = node.get(name);
    List<String> loc = at(name);
    return new Fields(value instanceof ObjectNode ? value : null, problems, loc);
  }

  boolean present(String name) {
    return node != null && node.hasNonNull(name);
  }

  boolean exists() {
    return node != null;
  }

  JsonNode raw(String name) {
    return node == null ? null : node.get(name);
  }

  List<String> at(String name) {
    List<String> loc = new ArrayList<>(location);
    loc.add(name);
    return loc;
  }

  void problem(String name, String message) {
    problems.add(at(name), message);
  }

  /** A value under this object, at {@code path} below it, longer than {@code limit}. */
  void tooLong(List<String> path, int limit) {
    List<String> loc = new ArrayList<>(location);
    loc.addAll(path);
    problems.add(ServiceException.tooLongProblem(loc, limit));
  }

  String text(String name, boolean required) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      if (required) {
        problem(name, "field required");
      }
      return null;
    }
    if (!value.isTextual()) {
      problem(name, "must be a string");
      return null;
    }
    int limit = Limits.of(name);
    if (value.asText().length() > limit) {
      tooLong(List.of(name), limit);
      return null;
    }
    return value.asText();
  }

  Boolean bool(String name) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      problem(name, "must be true or false");
      return null;
    }
    return value.asBoolean();
  }

  /** An RFC 3339 time; one without an offset is read as UTC, as the public service does. */
  Instant time(String name, boolean required) {
    String text = text(name, required);
    if (text == null) {
      return null;
    }
    // Instants are kept to the millisecond; rounding here keeps answers and ticks consistent.
    try {
      return Times.parseBodyTime(text).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    } catch (IllegalArgumentException e) {
      problem(name, e.getMessage());
      return null;
    }
  }

  /** A positive number of seconds (fractions allowed to the millisecond). */
  Duration seconds(String name) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      problem(name, "must be a number of seconds, such as 3600");
      return null;
    }
    BigDecimal seconds = value.decimalValue();
    if (seconds.signum() <= 0) {
      problem(name, "must be greater than zero seconds");
      return null;
    }
    if (seconds.compareTo(BigDecimal.valueOf(10L * 366 * 86_400)) > 0) {
      problem(name, "is too large");
      return null;
    }
    return Duration.ofMillis(seconds.movePointRight(3).longValue());
  }

  Integer positiveInt(String name) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problem(name, "must be a whole number");
      return null;
    }
    if (value.asInt() < 1) {
      problem(name, "must be at least 1");
      return null;
    }
    return value.asInt();
  }

  ObjectNode object(String name, boolean required) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      if (required) {
        problem(name, "field required");
      }
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      problem(name, "must be a JSON object");
      return null;
    }
    return object;
  }
}
