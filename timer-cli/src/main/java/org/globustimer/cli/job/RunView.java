package org.globustimer.cli.job;

import static org.globustimer.cli.output.Texts.localTime;
import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.cli.output.Table;

/** How a job's runs are shown: the results table and the one-line details of a run. */
final class RunView {

  private RunView() {}

  static void printResults(PrintWriter out, JsonNode results, OutputFormat format) {
    Table table = new Table("Ran At", "Result", "Details");
    for (JsonNode result : results) {
      LastResult last = LastResult.of(result);
      table.add(
          format == OutputFormat.UNIX ? text(result, "ran_at") : localTime(text(result, "ran_at")),
          format == OutputFormat.UNIX ? last.state : last.words,
          details(result));
    }
    if (format == OutputFormat.TEXT) {
      out.println();
      if (table.isEmpty()) {
        out.println("No runs yet.");
        return;
      }
    }
    table.print(out, format);
  }

  static String details(JsonNode result) {
    JsonNode data = result.path("data");
    JsonNode details = data.path("details");
    if (details.has("files")) {
      String why = text(details, "description");
      if (why == null || LastResult.of(result) != LastResult.FAILED) {
        why = text(details, "nice_status");
      }
      return TransferProgress.of(details).describe() + (why == null ? "" : ", " + why);
    }
    String description = text(details, "description");
    if (description == null) {
      description = text(data, "display_status");
    }
    JsonNode errors = result.path("errors");
    if (description == null && errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      description = first.isTextual() ? first.asText() : first.toString();
    }
    return description == null ? "" : description;
  }
}
