package org.globustimer.cli.server;

import static org.globustimer.cli.CommandGroup.sub;

import java.util.List;
import org.globustimer.cli.CommandGroup;
import org.globustimer.cli.Environment;
import org.globustimer.cli.RootCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Manage the local timer service under $GLOBUS_TIMER_HOME.",
    synopsisSubcommandLabel = "COMMAND")
public final class ServerCommand {
  public static final CommandGroup GROUP =
      new CommandGroup(
          "server",
          ServerCommand.class,
          List.of(
              sub("start", ServerStart.class),
              sub("stop", ServerStop.class),
              sub("status", ServerStatus.class),
              sub("token", ServerToken.class),
              sub("install-service", ServerInstallService.class),
              sub("backup", ServerBackup.class)));

  static Environment environment(CommandSpec spec) {
    return ((RootCommand) spec.root().userObject()).environment();
  }
}
