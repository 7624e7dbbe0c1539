package org.globustimer.server.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How callers prove who they are: the local token, JWTs from an OpenID Connect issuer, opaque
 * tokens checked by introspection (RFC 7662), any of them at once. Blank strings mean "off".
 */
public record AuthSettings(
    boolean localToken,
    String oidcIssuer,
    List<String> oidcAudience,
    String oidcRequiredScope,
    String oidcClientId,
    List<String> oidcLoginScopes,
    String introspectionUrl,
    String introspectionClientId,
    String introspectionClientSecret,
    Duration introspectionCacheTtl,
    Set<String> adminIdentities,
    boolean multiUser) {

  public static AuthSettings localOnly() {
    return new AuthSettings(
        true,
        "",
        List.of(),
        "",
        "",
        List.of(),
        "",
        "",
        "",
        Duration.ofSeconds(30),
        Set.of(),
        false);
  }

  public boolean jwt() {
    return !oidcIssuer.isBlank();
  }

  public boolean introspection() {
    return !introspectionUrl.isBlank();
  }

  /** What the CLI needs to log in, when an issuer and a client id are configured. */
  public Optional<LoginAdvert> login() {
    if (oidcIssuer.isBlank() || oidcClientId.isBlank()) {
      return Optional.empty();
    }
    List<String> scopes = oidcLoginScopes;
    if (scopes.isEmpty()) {
      scopes =
          oidcRequiredScope.isBlank()
              ? List.of("openid", "profile")
              : List.of("openid", "profile", oidcRequiredScope);
    }
    return Optional.of(new LoginAdvert(oidcIssuer, oidcClientId, scopes));
  }

  /** The login block of the discovery document. */
  public record LoginAdvert(String issuer, String clientId, List<String> scopes) {}
}
