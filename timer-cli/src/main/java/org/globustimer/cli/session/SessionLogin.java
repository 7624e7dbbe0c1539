package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.globustimer.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in to the service: the OAuth 2.0 authorization-code flow with PKCE against the issuer"
          + " the service advertises. Tokens are cached in ~/.config/globus/tokens.json (mode 0600)"
          + " and refreshed before they expire."
    })
final class SessionLogin extends SessionBase {

  @Option(names = "--issuer", paramLabel = "URL", description = "Log in at this issuer instead.")
  String issuer;

  @Option(names = "--client-id", paramLabel = "ID", description = "The CLI's client id there.")
  String clientId;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "Scopes to ask for (repeatable).")
  List<String> scopes;

  @Mixin BrowserOptions browser;

  @Override
  public Integer call() {
    String remote = remoteUrl();
    if (remote == null && issuer == null) {
      out()
          .println(
              "The local service uses its local token (" + localToken() + "); no login is needed.");
      return 0;
    }
    LoginTarget target = target(remote);
    OAuthClient oauth = new OAuthClient(Clock.systemUTC());
    Issuer endpoints = oauth.discover(target.issuer());
    ObjectNode entry =
        browser
            .flow(oauth, out(), err(), env())
            .authorize(endpoints, target.clientId(), target.scopes());
    entry.put("resource_server", TokenFile.ENTRY);
    entry.put("issuer", endpoints.issuer());
    entry.put("client_id", target.clientId());
    entry.put("token_endpoint", endpoints.token().toString());
    if (endpoints.revocation() != null) {
      entry.put("revocation_endpoint", endpoints.revocation().toString());
    }
    if (remote != null) {
      entry.put("service_url", remote);
    }
    new TokenFile(tokenCache()).writeEntry(entry);
    greet(remote);
    return 0;
  }

  private void greet(String remote) {
    out().println("Logged in; tokens cached in " + tokenCache() + ".");
    if (env().variable("GLOBUS_TIMER_TOKEN") != null) {
      out().println("GLOBUS_TIMER_TOKEN is set and is used instead of the cache.");
    } else if (remote != null) {
      JsonNode me = api().get("/whoami", Map.of());
      out().println("The service knows you as " + me.path("username").asText() + ".");
    }
  }

  private LoginTarget target(String remote) {
    if (issuer != null) {
      if (clientId == null) {
        throw new CliException("--issuer needs --client-id: the CLI's client id at that issuer");
      }
      return new LoginTarget(issuer, clientId, scopes == null ? List.of("openid") : scopes);
    }
    JsonNode login = api().discovery().map(doc -> doc.path("login")).orElse(null);
    if (login == null || !login.isObject()) {
      throw new CliException(
          "the service at "
              + remote
              + " does not say how to log in; pass --issuer and --client-id, or set"
              + " GLOBUS_TIMER_TOKEN");
    }
    List<String> advertised = new java.util.ArrayList<>();
    login.path("scopes").forEach(s -> advertised.add(s.asText()));
    return new LoginTarget(
        login.path("issuer").asText(),
        clientId != null ? clientId : login.path("client_id").asText(),
        scopes != null ? scopes : advertised);
  }

  record LoginTarget(String issuer, String clientId, List<String> scopes) {}
}
