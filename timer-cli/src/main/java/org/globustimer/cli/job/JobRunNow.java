package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "run-now",
    mixinStandardHelpOptions = true,
    description = {
      "Start one extra run of a timer now; its schedule stays as it is.",
      "While a run is in progress the timer's overlap policy decides: skip refuses, buffer-one",
      "runs it when the current run ends, allow-all starts it at once."
    })
final class JobRunNow extends JobBase {

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class)
  UUID jobId;

  @Override
  public Integer call() {
    JsonNode answer = api().post(jobPath(jobId) + "/run", Map.of(), null);
    String words =
        answer.path("buffered").asBoolean()
            ? "Run of " + jobId + " queued: it starts when the run in progress ends."
            : "Started a run of " + jobId + ".";
    if (format() == org.globustimer.cli.output.OutputFormat.JSON) {
      org.globustimer.cli.output.JsonOutput.print(out(), answer);
    } else {
      out().println(words);
    }
    return 0;
  }
}
