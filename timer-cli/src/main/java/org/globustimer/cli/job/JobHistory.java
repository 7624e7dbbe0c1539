package org.globustimer.cli.job;

import static org.globustimer.cli.output.Texts.localTime;
import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.cli.output.Table;
import org.globustimer.cli.output.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Show a timer's runs as a timeline, newest first, with how each ended and why.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:shown", "1:service error", "2:usage error"})
final class JobHistory extends JobBase {

  private static final int BAR_WIDTH = 20;
  private static final int PAGE = 100;

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class)
  UUID jobId;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "20",
      description = "How many runs to show, newest first (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw usageError("--limit must be at least 1");
    }
    ArrayNode runs = runs();
    OutputFormat format = format();
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out(), runs);
      return 0;
    }
    if (runs.isEmpty()) {
      out().println("No runs yet.");
      return 0;
    }
    long longest = 1;
    for (JsonNode run : runs) {
      longest = Math.max(longest, millis(run));
    }
    boolean unix = format == OutputFormat.UNIX;
    Table table =
        unix
            ? new Table("ran_at", "took_seconds", "result", "http_status", "details")
            : new Table("Ran At", "Took", "", "Result", "HTTP", "Details");
    for (JsonNode run : runs) {
      LastResult result = LastResult.of(run);
      long took = millis(run);
      if (unix) {
        table.add(
            text(run, "ran_at"),
            String.valueOf(took / 1000.0),
            result.state,
            http(run),
            RunView.details(run));
      } else {
        table.add(
            localTime(text(run, "ran_at")),
            Texts.duration(Math.round(took / 1000.0)),
            bar(took, longest),
            result.words,
            http(run),
            RunView.details(run));
      }
    }
    table.print(out(), format);
    return 0;
  }

  /** The newest {@code limit} runs, following the result pages as needed. */
  private ArrayNode runs() {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("page_size", String.valueOf(Math.min(limit, PAGE)));
    Set<String> seen = new HashSet<>();
    while (all.size() < limit) {
      JsonNode page = api().get(jobPath(jobId), query).path("results");
      for (JsonNode run : page.path("data")) {
        if (all.size() < limit) {
          all.add(run);
        }
      }
      String next = page.path("page_next").asText(null);
      if (next == null || next.isBlank() || !seen.add(next)) {
        break;
      }
      query.put("results_pt", next);
    }
    return all;
  }

  private static long millis(JsonNode run) {
    String start = text(run, "ran_at");
    if (start == null) {
      return 0;
    }
    String end = text(run, "end_timestamp");
    try {
      Instant from = Instant.parse(start);
      Instant to = end == null ? Instant.now() : Instant.parse(end);
      return Math.max(0, Duration.between(from, to).toMillis());
    } catch (java.time.format.DateTimeParseException e) {
      return 0;
    }
  }

  private static String bar(long millis, long longest) {
    int filled = (int) Math.max(1, Math.round(BAR_WIDTH * (double) millis / longest));
    return "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled);
  }

  private static String http(JsonNode run) {
    String polled = text(run, "http_status_polled");
    String submitted = text(run, "http_status_submission");
    String status = polled != null ? polled : submitted != null ? submitted : text(run, "status");
    return status == null ? "" : status;
  }
}
