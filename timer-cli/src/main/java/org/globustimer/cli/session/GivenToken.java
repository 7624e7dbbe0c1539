package org.globustimer.cli.session;

import java.util.Optional;

/** A token handed over in {@code GLOBUS_TIMER_TOKEN}. */
public record GivenToken(String value) implements TokenSource {

  @Override
  public Optional<String> token() {
    return Optional.of(value.strip());
  }

  @Override
  public String hint() {
    return "the service did not accept the token in GLOBUS_TIMER_TOKEN; set it to a current"
        + " access token for this service";
  }

  @Override
  public String describe() {
    return "GLOBUS_TIMER_TOKEN";
  }

  @Override
  public String toString() {
    return "GivenToken[hidden]";
  }
}
