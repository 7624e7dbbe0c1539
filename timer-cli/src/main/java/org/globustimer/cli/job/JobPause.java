package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = "Pause a timer: no runs until it is resumed.")
final class JobPause extends JobBase {

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class)
  UUID jobId;

  @Override
  public Integer call() {
    JsonNode answer = api().post(jobPath(jobId) + "/pause", Map.of(), null);
    Messages.print(out(), answer, format(), "Paused " + jobId + ".");
    return 0;
  }
}
