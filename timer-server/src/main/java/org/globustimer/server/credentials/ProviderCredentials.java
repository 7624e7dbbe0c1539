package org.globustimer.server.credentials;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.globustimer.core.secret.Sealer;
import org.globustimer.server.auth.ActionUrls;
import org.globustimer.server.store.CredentialRow;
import org.globustimer.server.store.TimerStore;

/**
 * The tokens the service sends external action providers on its users' behalf. Each configured
 * provider gets one credential per user, obtained when a timer is created or its credentials are
 * updated, sealed at rest, and renewed with its refresh token as it nears expiry. The token goes
 * only to action URLs under that provider's configured prefix.
 */
public final class ProviderCredentials {

  private final List<ProviderAuth> providers;
  private final TokenEndpoint tokenEndpoint;
  private final StoredTokens tokens;

  public ProviderCredentials(
      List<ProviderAuth> providers,
      String serviceIssuer,
      TimerStore store,
      Sealer sealer,
      Clock clock) {
    this.providers = List.copyOf(providers);
    this.tokenEndpoint =
        new TokenEndpoint(
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(),
            serviceIssuer,
            clock);
    this.tokens = new StoredTokens(store, sealer, tokenEndpoint, clock);
  }

  public List<ProviderAuth> providers() {
    return providers;
  }

  public Optional<ProviderAuth> named(String name) {
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The provider whose prefix holds {@code actionUrl}, the most specific first. */
  public Optional<ProviderAuth> providerFor(String actionUrl) {
    return providers.stream()
        .filter(p -> ActionUrls.allowed(List.of(p.url()), actionUrl))
        .findFirst();
  }

  /**
   * Makes sure {@code owner} holds a working credential for the provider behind {@code actionUrl}
   * (nothing to do for other URLs). With token exchange the caller's own token is exchanged now;
   * with a stored refresh token, that token is tried now.
   *
   * @param callerToken the caller's access token, or null when it is not one the issuer made
   * @throws CredentialsRequired when only the caller can fix what is missing
   * @throws IssuerUnreachable when the issuer could not be asked
   */
  public void prepare(String owner, String callerToken, String actionUrl) {
    Optional<ProviderAuth> found = providerFor(actionUrl);
    if (found.isEmpty()) {
      return;
    }
    ProviderAuth provider = found.get();
    switch (provider.grant()) {
      case TOKEN_EXCHANGE -> exchange(owner, callerToken, provider);
      case REFRESH_TOKEN -> renewStored(owner, provider);
    }
  }

  private void exchange(String owner, String callerToken, ProviderAuth provider) {
    if (callerToken == null) {
      throw new CredentialsRequired(provider, Remedies.loginNeeded(provider));
    }
    switch (tokenEndpoint.exchange(provider, callerToken)) {
      case TokenAnswer.Granted granted -> tokens.keep(owner, provider, granted, null);
      case TokenAnswer.Refused refused ->
          throw new CredentialsRequired(provider, Remedies.exchangeRefused(provider, refused));
      case TokenAnswer.Unreachable unreachable -> throw new IssuerUnreachable(unreachable.reason());
    }
  }

  private void renewStored(String owner, ProviderAuth provider) {
    switch (tokens.renew(owner, provider, true)) {
      case Bearer.Token token -> {}
      case Bearer.Unavailable unavailable ->
          throw new CredentialsRequired(provider, unavailable.detail());
      case Bearer.Unreachable unreachable -> throw new IssuerUnreachable(unreachable.reason());
      case Bearer.None none -> {}
    }
  }

  /**
   * Stores a refresh token the user obtained for {@code provider}, once the issuer has accepted it.
   *
   * @throws CredentialsRequired when the issuer refuses it
   */
  public void storeRefreshToken(String owner, ProviderAuth provider, String refreshToken) {
    switch (tokenEndpoint.refresh(provider, refreshToken)) {
      case TokenAnswer.Granted granted -> tokens.keep(owner, provider, granted, refreshToken);
      case TokenAnswer.Refused refused ->
          throw new CredentialsRequired(provider, Remedies.givenRefreshRefused(provider, refused));
      case TokenAnswer.Unreachable unreachable -> throw new IssuerUnreachable(unreachable.reason());
    }
  }

  public List<CredentialRow> storedFor(String owner) {
    return tokens.ownedBy(owner);
  }

  public boolean forget(String owner, ProviderAuth provider) {
    return tokens.delete(owner, provider);
  }

  /** What to send with a call to {@code actionUrl} made for {@code owner}. */
  public Bearer bearerFor(String owner, String actionUrl) {
    return providerFor(actionUrl)
        .map(provider -> tokens.current(owner, provider))
        .orElseGet(Bearer.None::new);
  }

  /**
   * The provider refused {@code token}: forget it everywhere, so the next call renews it (another
   * node may have renewed it meanwhile; then that one is used).
   */
  public void refused(String owner, String actionUrl, String token) {
    providerFor(actionUrl).ifPresent(provider -> tokens.dropAccessToken(owner, provider, token));
  }
}
