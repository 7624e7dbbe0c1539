package org.globustimer.cli.endpoint;

import picocli.CommandLine.Command;

@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create an endpoint.",
    synopsisSubcommandLabel = "TYPE",
    subcommands = {CreatePosix.class, CreateSftp.class, CreateS3.class})
final class EndpointCreate {}
