package org.globustimer.cli.server;

import java.util.concurrent.Callable;
import org.globustimer.cli.CliException;
import org.globustimer.cli.session.LocalToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Print the local service's access token (for curl or an SDK).")
final class ServerToken implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LocalService local = new LocalService(ServerCommand.environment(spec));
    String token =
        new LocalToken(local.tokenFile())
            .token()
            .orElseThrow(
                () ->
                    new CliException(
                        "there is no local token yet in "
                            + local.tokenFile()
                            + "; start the service with 'globus-timer server start'"));
    spec.commandLine().getOut().println(token);
    return 0;
  }
}
