package org.globustimer.server.credentials;

import java.util.List;

/**
 * The caller must give (or renew) consent before the service can act for them at a provider; the
 * API answers 403 and says how.
 */
public final class CredentialsRequired extends RuntimeException {

  private final String provider;
  private final List<String> requiredScopes;

  CredentialsRequired(ProviderAuth provider, String detail) {
    super(detail, null, false, false);
    this.provider = provider.name();
    this.requiredScopes = provider.scopes();
  }

  public String provider() {
    return provider;
  }

  public List<String> requiredScopes() {
    return requiredScopes;
  }
}
