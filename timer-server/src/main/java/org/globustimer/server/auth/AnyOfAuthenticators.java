package org.globustimer.server.auth;

import java.util.List;
import java.util.Optional;

/** Tries each configured validator in turn; the first that knows the token decides. */
public record AnyOfAuthenticators(List<Authenticator> authenticators) implements Authenticator {

  @Override
  public Optional<Identity> authenticate(String bearerToken) {
    for (Authenticator authenticator : authenticators) {
      Optional<Identity> identity = authenticator.authenticate(bearerToken);
      if (identity.isPresent()) {
        return identity;
      }
    }
    return Optional.empty();
  }
}
