package org.globustimer.cli.session;

import java.io.IOException;
import java.nio.file.Files;
import org.globustimer.cli.CliException;
import picocli.CommandLine.Command;

@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Forget cached tokens (~/.config/globus/tokens.json).")
final class SessionLogout extends SessionBase {

  @Override
  public Integer call() {
    if (remoteUrl() == null) {
      out().println("Nothing to log out of: the local service uses its local token.");
      return 0;
    }
    try {
      if (Files.deleteIfExists(tokenCache())) {
        out().println("Removed " + tokenCache() + ".");
      } else {
        out().println("No cached tokens.");
      }
    } catch (IOException e) {
      throw new CliException("cannot remove " + tokenCache() + ": " + e.getMessage(), e);
    }
    if (env().variable("GLOBUS_TIMER_TOKEN") != null) {
      out().println("GLOBUS_TIMER_TOKEN is still set in your environment.");
    }
    return 0;
  }
}
