package org.globustimer.cli.output;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code Key: value} lines with the values aligned; empty values are left out. */
public final class Summary {

  private final Map<String, String> fields = new LinkedHashMap<>();

  public Summary put(String key, String value) {
    if (value != null && !value.isEmpty()) {
      fields.put(key, value);
    }
    return this;
  }

  public void print(PrintWriter out) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    fields.forEach(
        (key, value) -> {
          String label = key + ":";
          out.println(label + " ".repeat(width - label.length()) + value);
        });
  }
}
