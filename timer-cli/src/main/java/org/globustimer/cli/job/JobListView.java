package org.globustimer.cli.job;

import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.cli.output.Table;

/** How a list of jobs is shown in each output format. */
final class JobListView {

  private JobListView() {}

  static void printList(PrintWriter out, JsonNode jobs, OutputFormat format) {
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out, jobs);
      return;
    }
    if (format == OutputFormat.UNIX) {
      Table lines = new Table("job_id", "name", "status", "last_result");
      for (JsonNode job : jobs.path("jobs")) {
        lines.add(
            text(job, "job_id"),
            text(job, "name"),
            text(job, "status"),
            LastResult.ofJob(job).state);
      }
      lines.printTabbed(out);
      return;
    }
    Table table = new Table("Name", "Job ID", "Status", "Last Result");
    for (JsonNode job : jobs.path("jobs")) {
      table.add(
          text(job, "name"), text(job, "job_id"), text(job, "status"), LastResult.ofJob(job).words);
    }
    if (table.isEmpty()) {
      out.println("No jobs.");
    } else {
      table.printAligned(out);
    }
  }
}
