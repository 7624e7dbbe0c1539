package org.globustimer.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.cli.json.JsonText;

/** Reads a service's error answer into one line: {@code interval: must be at least 1 (422)}. */
final class ErrorDetail {

  private ErrorDetail() {}

  static String describe(int status, String body) {
    String detail = detail(body);
    return detail == null
        ? "the service answered HTTP " + status + " without saying why"
        : detail + " (" + status + ")";
  }

  private static String detail(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    JsonNode root;
    try {
      root = JsonText.read(body);
    } catch (Exception e) {
      return oneLine(body);
    }
    if (root == null || !root.isObject()) {
      return oneLine(body);
    }
    JsonNode error = root.get("error");
    if (error != null && error.isObject()) {
      String text = firstText(error, "detail", "description", "message", "code");
      if (text != null) {
        return text;
      }
    }
    if (error != null && error.isTextual() && root.has("description")) {
      return root.get("description").asText();
    }
    JsonNode detail = root.get("detail");
    if (detail != null && detail.isArray()) {
      return validation(detail);
    }
    String text = firstText(root, "detail", "description", "message", "error");
    return text != null ? text : oneLine(body);
  }

  private static String validation(JsonNode problems) {
    List<String> parts = new ArrayList<>();
    for (JsonNode problem : problems) {
      List<String> loc = new ArrayList<>();
      for (JsonNode element : problem.path("loc")) {
        loc.add(element.asText());
      }
      if (!loc.isEmpty() && List.of("body", "query", "path").contains(loc.get(0))) {
        loc.remove(0);
      }
      String msg = problem.path("msg").asText(problem.toString());
      parts.add(loc.isEmpty() ? msg : String.join(".", loc) + ": " + msg);
    }
    return parts.isEmpty() ? "the request was not valid" : String.join("; ", parts);
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      JsonNode value = node.get(field);
      if (value != null && value.isValueNode() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return null;
  }

  private static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
