package org.globustimer.server.auth;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Marks the configured administrators' identities, whichever validator recognised them. */
public record AdminRole(Authenticator inner, Set<String> admins) implements Authenticator {

  public AdminRole {
    admins = admins.stream().map(Principals::of).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Optional<Identity> authenticate(String bearerToken) {
    return inner
        .authenticate(bearerToken)
        .map(id -> admins.contains(id.principal()) ? id.asAdmin() : id);
  }
}
