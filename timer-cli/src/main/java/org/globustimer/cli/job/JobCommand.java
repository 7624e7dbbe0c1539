package org.globustimer.cli.job;

import static org.globustimer.cli.CommandGroup.sub;

import java.util.List;
import org.globustimer.cli.CommandGroup;
import picocli.CommandLine.Command;

@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Create, list, inspect and change timers (jobs).",
    synopsisSubcommandLabel = "COMMAND")
public final class JobCommand {
  public static final CommandGroup GROUP =
      new CommandGroup(
          "job",
          JobCommand.class,
          List.of(
              sub("submit", JobSubmit.class),
              sub("transfer", JobTransfer.class),
              sub("list", JobList.class),
              sub("status", JobStatus.class),
              sub("history", JobHistory.class),
              sub("update", JobUpdate.class),
              sub("next", JobNext.class),
              sub("run-now", JobRunNow.class),
              sub("pause", JobPause.class),
              sub("resume", JobResume.class),
              sub("delete", JobDelete.class)));
}
