package org.globustimer.server.auth;

import java.util.Optional;

/** Turns a bearer token into an identity; empty when the token is not one this validator knows. */
public interface Authenticator {

  Optional<Identity> authenticate(String bearerToken);
}
