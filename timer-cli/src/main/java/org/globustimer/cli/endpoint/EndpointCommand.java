package org.globustimer.cli.endpoint;

import static org.globustimer.cli.CommandGroup.sub;

import java.util.List;
import org.globustimer.cli.CommandGroup;
import picocli.CommandLine.Command;

@Command(
    name = "endpoint",
    mixinStandardHelpOptions = true,
    description = "Manage the service's endpoints: storage that transfers read and write.",
    synopsisSubcommandLabel = "COMMAND")
public final class EndpointCommand {
  public static final CommandGroup GROUP =
      new CommandGroup(
          "endpoint",
          EndpointCommand.class,
          List.of(
              sub("create", EndpointCreate.class),
              sub("list", EndpointList.class),
              sub("show", EndpointShow.class),
              sub("ls", EndpointLs.class),
              sub("delete", EndpointDelete.class)));
}
