package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "next",
    mixinStandardHelpOptions = true,
    description = "List a timer's next run times, in UTC and in the timer's time zone.")
final class JobNext extends JobBase {

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class)
  UUID jobId;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      description = "How many run times to list (1-1000, default 10).")
  int count = 10;

  @Override
  public Integer call() {
    if (count < 1 || count > 1000) {
      throw usageError("-n must be between 1 and 1000 (got " + count + ")");
    }
    JsonNode answer = api().get(jobPath(jobId) + "/next", Map.of("count", String.valueOf(count)));
    switch (format()) {
      case JSON -> JsonOutput.print(out(), answer);
      case UNIX ->
          answer
              .path("next_runs")
              .forEach(
                  run -> out().println(Texts.text(run, "utc") + "\t" + Texts.text(run, "local")));
      case TEXT -> {
        out().println(Texts.text(answer, "schedule_description"));
        if (answer.path("next_runs").isEmpty()) {
          out().println("  No runs to come (the timer is " + Texts.text(answer, "status") + ").");
        }
        String zone = Texts.text(answer, "timezone");
        answer
            .path("next_runs")
            .forEach(
                run ->
                    out()
                        .println(
                            "  "
                                + Texts.text(run, "utc")
                                + "   "
                                + Texts.text(run, "local")
                                + " "
                                + zone));
      }
    }
    return 0;
  }
}
