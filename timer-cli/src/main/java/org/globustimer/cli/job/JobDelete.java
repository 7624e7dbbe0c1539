package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.globustimer.cli.CliException;
import org.globustimer.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete timers: they stop running; their record and results stay readable.",
      "Every id is tried; the exit code is 1 if any failed."
    })
final class JobDelete extends JobBase {

  @Parameters(paramLabel = "JOB_ID", arity = "1..*", converter = JobIdConverter.class)
  List<UUID> jobIds;

  @Override
  public Integer call() {
    int failed = 0;
    OutputFormat format = format();
    for (UUID id : jobIds) {
      try {
        JsonNode deleted = api().delete(jobPath(id));
        if (format == OutputFormat.TEXT && jobIds.size() > 1) {
          out().println();
        }
        JobView.printJob(out(), deleted, format);
      } catch (CliException e) {
        if (jobIds.size() == 1) {
          throw e;
        }
        failed++;
        err().println("globus-timer: error: " + id + ": " + e.getMessage());
      }
    }
    return failed == 0 ? 0 : 1;
  }
}
