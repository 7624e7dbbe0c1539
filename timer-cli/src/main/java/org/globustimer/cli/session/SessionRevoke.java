package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import picocli.CommandLine.Command;

@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke your tokens at the issuer, then remove them from the cache.")
final class SessionRevoke extends SessionBase {

  @Override
  public Integer call() {
    TokenFile cache = new TokenFile(tokenCache());
    JsonNode entry = cache.exists() ? cache.read().get(TokenFile.ENTRY) : null;
    if (entry == null) {
      if (remoteUrl() == null) {
        out()
            .println(
                "The local token belongs to the local service; to replace it, stop the service"
                    + " ('globus-timer server stop'), delete "
                    + localToken()
                    + " and start it again.");
      } else {
        out().println("No tokens from 'globus-timer session login' are cached; nothing to revoke.");
      }
      return 0;
    }
    String revocation = entry.path("revocation_endpoint").asText("");
    if (revocation.isBlank()) {
      out().println("The issuer offers no revocation; removing the tokens from the cache only.");
    } else {
      OAuthClient oauth = new OAuthClient(Clock.systemUTC());
      String client = entry.path("client_id").asText();
      String issuer = entry.path("issuer").asText();
      if (entry.path("refresh_token").isTextual()) {
        boolean revoked =
            oauth.revoke(
                URI.create(revocation),
                client,
                entry.get("refresh_token").asText(),
                "refresh_token");
        out()
            .println(
                revoked
                    ? "Revoked your refresh token at " + issuer + "."
                    : issuer + " does not revoke refresh tokens; it stays valid there.");
      }
      boolean revoked =
          oauth.revoke(
              URI.create(revocation), client, entry.path("access_token").asText(), "access_token");
      out()
          .println(
              revoked
                  ? "Revoked your access token at " + issuer + "."
                  : issuer
                      + " does not revoke access tokens; the cached one stays valid until it"
                      + " expires.");
    }
    cache.removeEntry();
    out().println("Removed them from " + tokenCache() + ".");
    return 0;
  }
}
