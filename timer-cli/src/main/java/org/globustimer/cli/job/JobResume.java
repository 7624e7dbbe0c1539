package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Resume a paused timer. A run missed while paused happens once, now,",
      "unless --wait-for-next is given."
    })
final class JobResume extends JobBase {

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class)
  UUID jobId;

  @Option(
      names = "--update-credentials",
      description = "Let the service take fresh credentials from this request.")
  boolean updateCredentials;

  @Option(names = "--wait-for-next", description = "Skip a missed run; wait for the next tick.")
  boolean waitForNext;

  @Override
  public Integer call() {
    Map<String, String> query = new LinkedHashMap<>();
    if (updateCredentials) {
      query.put("update_credentials", "true");
    }
    if (waitForNext) {
      query.put("resume_policy", "wait_for_next_scheduled");
    }
    JsonNode answer = api().post(jobPath(jobId) + "/resume", query, null);
    Messages.print(out(), answer, format(), "Resumed " + jobId + ".");
    return 0;
  }
}
