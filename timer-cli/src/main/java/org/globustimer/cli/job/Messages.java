package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;

/** Answers of the form {@code {"message": ...}}. */
final class Messages {

  private Messages() {}

  static void print(PrintWriter out, JsonNode answer, OutputFormat format, String fallback) {
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out, answer);
      return;
    }
    String message = answer.path("message").asText("");
    out.println(message.isBlank() ? fallback : message);
  }
}
