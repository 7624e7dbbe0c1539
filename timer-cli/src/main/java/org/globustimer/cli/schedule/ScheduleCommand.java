package org.globustimer.cli.schedule;

import picocli.CommandLine.Command;

@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Work out schedules before creating timers (needs no service).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {SchedulePreview.class})
public final class ScheduleCommand {}
