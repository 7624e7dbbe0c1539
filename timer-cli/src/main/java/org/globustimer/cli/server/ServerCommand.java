package org.globustimer.cli.server;

import org.globustimer.cli.Environment;
import org.globustimer.cli.RootCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Manage the local timer service under $GLOBUS_TIMER_HOME.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ServerStart.class,
      ServerStop.class,
      ServerStatus.class,
      ServerToken.class,
      ServerInstallService.class,
      ServerBackup.class
    })
public final class ServerCommand {

  static Environment environment(CommandSpec spec) {
    return ((RootCommand) spec.root().userObject()).environment();
  }
}
