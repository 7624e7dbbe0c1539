package org.globustimer.server.auth;

/**
 * Who is calling: {@code principal} is a {@code urn:globus:auth:identity:<id>}-style string that
 * owns timers; every query is scoped by it. {@code admin} callers may list every owner's timers.
 */
public record Identity(String principal, String username, String identityProvider, boolean admin) {

  public Identity(String principal, String username, String identityProvider) {
    this(principal, username, identityProvider, false);
  }

  /** Whether the caller's token came from an issuer (and may be shown to it), not a local one. */
  public boolean fromIssuer() {
    return !LocalTokens.IDENTITY_PROVIDER.equals(identityProvider);
  }

  Identity asAdmin() {
    return new Identity(principal, username, identityProvider, true);
  }
}
