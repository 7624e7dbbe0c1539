package org.globustimer.cli.session;

import org.globustimer.cli.CliException;
import picocli.CommandLine.Command;

@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke your tokens at the issuer.")
final class SessionRevoke extends SessionBase {

  @Override
  public Integer call() {
    if (remoteUrl() == null) {
      out()
          .println(
              "The local token belongs to the local service; to replace it, stop the service"
                  + " ('globus-timer server stop'), delete "
                  + localToken()
                  + " and start it again.");
      return 0;
    }
    throw new CliException(
        "revoking tokens is not available yet; revoke them where they were issued and run"
            + " 'globus-timer session logout'");
  }
}
