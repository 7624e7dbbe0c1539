package org.globustimer.cli.session;

import picocli.CommandLine.Command;

@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description = "Who you are to the service, and how you log in.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      SessionLogin.class,
      SessionWhoami.class,
      SessionLogout.class,
      SessionRevoke.class,
      SessionConsent.class
    })
public final class SessionCommand {}
