package org.globustimer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "globus-timer",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Schedule recurring transfers and other actions with a timer service.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "The service is --service-url, else $TIMER_SERVICE_URL, else service_url in",
      "$${XDG_CONFIG_HOME:-~/.config}/globus-timer/config.properties, else the local service",
      "under $GLOBUS_TIMER_HOME, started on first use.",
      "",
      "Exit codes: 0 success, 1 service or network error, 2 usage error."
    })
public final class RootCommand implements Runnable {

  private final Environment environment;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin FormatOption format;

  RootCommand(Environment environment) {
    this.environment = environment;
  }

  public Environment environment() {
    return environment;
  }

  ConnectionOptions connection() {
    return connection;
  }

  public FormatOption format() {
    return format;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }
}
