package org.globustimer.cli.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.globustimer.cli.CliException;

/** The token the local service wrote into its home at first start. */
public record LocalToken(Path file) implements TokenSource {

  @Override
  public Optional<String> token() {
    try {
      String token = Files.readString(file).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CliException("cannot read the local token " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String hint() {
    return "the local service did not accept the token in "
        + file
        + "; check that GLOBUS_TIMER_HOME names the home of the service you are using";
  }

  @Override
  public String describe() {
    return "the local service's token (" + file + ")";
  }
}
