package org.globustimer.server.credentials;

import java.util.List;

/**
 * How the service gets a token to call one external action provider on a user's behalf.
 *
 * @param name the provider's short name, used in the API and the CLI
 * @param url the prefix of the provider's action URLs; only URLs under it get the token
 * @param grant how the user's credential is obtained
 * @param scopes scopes to ask the issuer for
 * @param audience the provider's audience, for token exchange (blank for none)
 * @param tokenUrl the issuer's token endpoint (blank: the service issuer's, from discovery)
 * @param clientId the client the service presents at the token endpoint
 * @param clientSecret its secret (blank for a public client)
 */
public record ProviderAuth(
    String name,
    String url,
    Grant grant,
    List<String> scopes,
    String audience,
    String tokenUrl,
    String clientId,
    String clientSecret) {

  public ProviderAuth {
    scopes = List.copyOf(scopes);
  }

  /** Where the first token comes from. */
  public enum Grant {
    /**
     * RFC 8693: the service exchanges the caller's own access token for one the provider accepts,
     * when the timer is created and when its credentials are updated.
     */
    TOKEN_EXCHANGE("token_exchange"),
    /** The user stores a refresh token for the provider (the CLI's {@code session consent}). */
    REFRESH_TOKEN("refresh_token");

    private final String wire;

    Grant(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }
}
