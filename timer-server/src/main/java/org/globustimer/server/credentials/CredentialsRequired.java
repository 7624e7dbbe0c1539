package org.globustimer.server.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.globustimer.core.error.ServiceException;

/**
 * The caller must give (or renew) consent before the service can act for them at a provider; the
 * API answers 403 and says how.
 */
public final class CredentialsRequired extends ServiceException {

  private final String provider;
  private final List<String> requiredScopes;

  CredentialsRequired(ProviderAuth provider, String detail) {
    super(403, "CONSENT_REQUIRED", detail);
    this.provider = provider.name();
    this.requiredScopes = provider.scopes();
  }

  public String provider() {
    return provider;
  }

  public List<String> requiredScopes() {
    return requiredScopes;
  }

  /** The provider in the error, and the parameters a client passes to its login for consent. */
  @Override
  public void addDetails(ObjectNode body) {
    body.with("error").put("provider", provider);
    ObjectNode parameters = body.putObject("authorization_parameters");
    requiredScopes.forEach(parameters.putArray("required_scopes")::add);
    parameters.put("session_message", getMessage());
  }
}
