package org.globustimer.cli.job;

import picocli.CommandLine.Command;

@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Create, list, inspect and change timers (jobs).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      JobSubmit.class,
      JobTransfer.class,
      JobList.class,
      JobStatus.class,
      JobHistory.class,
      JobUpdate.class,
      JobNext.class,
      JobRunNow.class,
      JobPause.class,
      JobResume.class,
      JobDelete.class
    })
public final class JobCommand {}
