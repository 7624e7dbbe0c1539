package org.globustimer.server.auth;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the configured token validators, cheapest first, with the admin role on top. */
public final class Authenticators {

  private Authenticators() {}

  public static Authenticator from(AuthSettings settings, LocalTokens localTokens, Clock clock) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    List<Authenticator> validators = new ArrayList<>();
    if (settings.localToken()) {
      validators.add(localTokens);
    }
    if (settings.jwt()) {
      validators.add(new JwtTokens(settings, http, clock));
    }
    if (settings.introspection()) {
      validators.add(new IntrospectedTokens(settings, http, clock));
    }
    return new AdminRole(
        new AnyOfAuthenticators(List.copyOf(validators)), settings.adminIdentities());
  }
}
