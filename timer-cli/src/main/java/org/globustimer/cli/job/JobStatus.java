package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.globustimer.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a timer and its recent runs, all its runs, or watch the current run.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:shown (with --watch: the run succeeded)",
      "1:service error (with --watch: the run failed)",
      "2:usage error"
    })
final class JobStatus extends JobBase {

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class)
  UUID jobId;

  @Option(names = "--all", description = "Show every run, not only the latest ten.")
  boolean all;

  @Option(names = "--watch", description = "Follow the current run until it ends.")
  boolean watch;

  @Option(names = "--poll-interval", hidden = true, defaultValue = "PT2S")
  Duration pollInterval;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "Results to ask for per request (the service's default if not given).")
  Integer pageSize;

  @Override
  public Integer call() {
    if (watch) {
      if (all) {
        throw usageError("--watch and --all cannot be used together");
      }
      return new RunWatch(api(), jobPath(jobId), out(), env().interactive(), pollInterval).follow();
    }
    JsonNode job = all ? withAllResults() : api().get(jobPath(jobId), pageQuery());
    OutputFormat format = format();
    if (format == OutputFormat.JSON) {
      JobView.printJob(out(), job, format);
    } else if (format == OutputFormat.UNIX && all) {
      RunView.printResults(out(), job.path("results").path("data"), format);
    } else {
      JobView.printJob(out(), job, format);
      if (format == OutputFormat.TEXT) {
        RunView.printResults(out(), job.path("results").path("data"), format);
      }
    }
    return 0;
  }

  /** The job with every page of results, in one {@code results.data}. */
  private Map<String, String> pageQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    if (pageSize != null) {
      query.put("page_size", pageSize.toString());
    }
    return query;
  }

  private JsonNode withAllResults() {
    Map<String, String> query = pageQuery();
    JsonNode first = api().get(jobPath(jobId), query);
    ArrayNode all =
        first.path("results").path("data").isArray()
            ? ((ArrayNode) first.path("results").path("data")).deepCopy()
            : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    Set<String> seen = new HashSet<>();
    String next = first.path("results").path("page_next").asText(null);
    while (next != null && !next.isBlank() && seen.add(next)) {
      query.put("results_pt", next);
      JsonNode page = api().get(jobPath(jobId), query);
      page.path("results").path("data").forEach(all::add);
      next = page.path("results").path("page_next").asText(null);
    }
    ObjectNode job = ((ObjectNode) first).deepCopy();
    ObjectNode results = job.putObject("results");
    results.set("data", all);
    results.putNull("page_next");
    return job;
  }
}
