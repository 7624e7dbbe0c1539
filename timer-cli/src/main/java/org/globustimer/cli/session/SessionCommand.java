package org.globustimer.cli.session;

import static org.globustimer.cli.CommandGroup.sub;

import java.util.List;
import org.globustimer.cli.CommandGroup;
import picocli.CommandLine.Command;

@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description = "Who you are to the service, and how you log in.",
    synopsisSubcommandLabel = "COMMAND")
public final class SessionCommand {
  public static final CommandGroup GROUP =
      new CommandGroup(
          "session",
          SessionCommand.class,
          List.of(
              sub("login", SessionLogin.class),
              sub("whoami", SessionWhoami.class),
              sub("logout", SessionLogout.class),
              sub("revoke", SessionRevoke.class),
              sub("consent", SessionConsent.class)));
}
