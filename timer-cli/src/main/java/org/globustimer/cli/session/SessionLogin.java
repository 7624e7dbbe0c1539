package org.globustimer.cli.session;

import org.globustimer.cli.CliException;
import picocli.CommandLine.Command;

@Command(name = "login", mixinStandardHelpOptions = true, description = "Log in to the service.")
final class SessionLogin extends SessionBase {

  @Override
  public Integer call() {
    String remote = remoteUrl();
    if (remote == null) {
      out()
          .println(
              "The local service uses its local token (" + localToken() + "); no login is needed.");
      return 0;
    }
    throw new CliException(
        "logging in to "
            + remote
            + " is not available yet; set GLOBUS_TIMER_TOKEN to an access token for it");
  }
}
