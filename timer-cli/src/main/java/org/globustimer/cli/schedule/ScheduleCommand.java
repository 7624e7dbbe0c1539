package org.globustimer.cli.schedule;

import static org.globustimer.cli.CommandGroup.sub;

import java.util.List;
import org.globustimer.cli.CommandGroup;
import picocli.CommandLine.Command;

@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Work out schedules before creating timers (needs no service).",
    synopsisSubcommandLabel = "COMMAND")
public final class ScheduleCommand {
  public static final CommandGroup GROUP =
      new CommandGroup(
          "schedule", ScheduleCommand.class, List.of(sub("preview", SchedulePreview.class)));
}
