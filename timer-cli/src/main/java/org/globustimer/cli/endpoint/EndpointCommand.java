package org.globustimer.cli.endpoint;

import picocli.CommandLine.Command;

@Command(
    name = "endpoint",
    mixinStandardHelpOptions = true,
    description = "Manage the service's endpoints: storage that transfers read and write.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      EndpointCreate.class,
      EndpointList.class,
      EndpointShow.class,
      EndpointLs.class,
      EndpointDelete.class
    })
public final class EndpointCommand {}
