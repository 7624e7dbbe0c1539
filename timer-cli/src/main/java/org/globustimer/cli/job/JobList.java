package org.globustimer.cli.job;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List your timers.")
final class JobList extends JobBase {

  enum Status {
    active,
    inactive,
    ended
  }

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only timers in this state: ${COMPLETION-CANDIDATES}.")
  Status status;

  @Option(names = "--filter-name", paramLabel = "NAME", description = "Only timers with this name.")
  String name;

  @Override
  public Integer call() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("result_count", "1");
    if (status != null) {
      query.put("filter_status", status.name());
    }
    if (name != null) {
      query.put("filter_name", name);
    }
    JobListView.printList(out(), api().get("/jobs/", query), format());
    return 0;
  }
}
