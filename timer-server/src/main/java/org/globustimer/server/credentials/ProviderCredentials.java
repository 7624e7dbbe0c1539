package org.globustimer.server.credentials;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.core.secret.Sealer;
import org.globustimer.server.auth.ActionUrls;
import org.globustimer.server.store.CredentialRow;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens the service sends external action providers on its users' behalf. Each configured
 * provider gets one credential per user, obtained when a timer is created or its credentials are
 * updated, sealed at rest, and renewed with its refresh token as it nears expiry. The token goes
 * only to action URLs under that provider's configured prefix.
 */
public final class ProviderCredentials {

  private static final Logger log = LoggerFactory.getLogger(ProviderCredentials.class);

  /** A token this close to expiry is renewed before use, so it cannot lapse in flight. */
  private static final Duration EARLY = Duration.ofSeconds(60);

  /**
   * How long a node trusts its cached token without looking at the stored row: a credential the
   * user removed (or another node replaced) stops being used within this time.
   */
  private static final Duration RECHECK = Duration.ofSeconds(30);

  private final List<ProviderAuth> providers;
  private final TimerStore store;
  private final Sealer sealer;
  private final TokenEndpoint tokenEndpoint;
  private final Clock clock;
  private final Map<String, Cached> accessTokens = new ConcurrentHashMap<>();

  private record Cached(String token, Instant expiresAt, Instant checkedAt) {}

  public ProviderCredentials(
      List<ProviderAuth> providers,
      String serviceIssuer,
      TimerStore store,
      Sealer sealer,
      Clock clock) {
    this.providers = List.copyOf(providers);
    this.store = store;
    this.sealer = sealer;
    this.clock = clock;
    this.tokenEndpoint =
        new TokenEndpoint(
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(),
            serviceIssuer,
            clock);
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
      throw new CredentialsRequired(
          provider,
          "provider '"
              + provider.name()
              + "' needs a token obtained from your login at the service's issuer, and this"
              + " request used a local token; log in with 'globus-timer session login' and try"
              + " again");
    }
    switch (tokenEndpoint.exchange(provider, callerToken)) {
      case TokenAnswer.Granted granted -> keep(owner, provider, granted, null);
      case TokenAnswer.Refused refused ->
          throw new CredentialsRequired(
              provider,
              "the issuer would not exchange your token for one that provider '"
                  + provider.name()
                  + "' accepts ("
                  + refused.describe()
                  + "); log in again with 'globus-timer session login'"
                  + consentFor(provider));
      case TokenAnswer.Unreachable unreachable -> throw new IssuerUnreachable(unreachable.reason());
    }
  }

  private void renewStored(String owner, ProviderAuth provider) {
    accessTokens.remove(key(owner, provider));
    switch (renew(owner, provider, true)) {
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
      case TokenAnswer.Granted granted -> keep(owner, provider, granted, refreshToken);
      case TokenAnswer.Refused refused ->
          throw new CredentialsRequired(
              provider,
              "the issuer refused this refresh token for provider '"
                  + provider.name()
                  + "' ("
                  + refused.describe()
                  + "); obtain a new one with 'globus-timer session consent "
                  + provider.name()
                  + "'");
      case TokenAnswer.Unreachable unreachable -> throw new IssuerUnreachable(unreachable.reason());
    }
  }

  public List<CredentialRow> storedFor(String owner) {
    return store.inTransaction(tx -> tx.credentials().ownedBy(owner));
  }

  public boolean forget(String owner, ProviderAuth provider) {
    accessTokens.remove(key(owner, provider));
    return store.inDurableTransaction(tx -> tx.credentials().delete(owner, provider.name()));
  }

  /** What to send with a call to {@code actionUrl} made for {@code owner}. */
  public Bearer bearerFor(String owner, String actionUrl) {
    Optional<ProviderAuth> found = providerFor(actionUrl);
    if (found.isEmpty()) {
      return new Bearer.None();
    }
    ProviderAuth provider = found.get();
    Cached cached = accessTokens.get(key(owner, provider));
    if (cached != null
        && fresh(cached.expiresAt())
        && cached.checkedAt().plus(RECHECK).isAfter(clock.instant())) {
      return new Bearer.Token(cached.token());
    }
    return renew(owner, provider, false);
  }

  /**
   * The provider refused {@code token}: forget it everywhere, so the next call renews it (another
   * node may have renewed it meanwhile; then that one is used).
   */
  public void refused(String owner, String actionUrl, String token) {
    Optional<ProviderAuth> found = providerFor(actionUrl);
    if (found.isEmpty()) {
      return;
    }
    ProviderAuth provider = found.get();
    accessTokens.remove(key(owner, provider));
    store.inTransaction(
        tx -> {
          tx.credentials()
              .lock(owner, provider.name())
              .filter(row -> token.equals(open(row.accessTokenSealed())))
              .ifPresent(
                  row ->
                      tx.credentials()
                          .put(
                              new CredentialRow(
                                  row.owner(),
                                  row.provider(),
                                  row.refreshTokenSealed(),
                                  null,
                                  null,
                                  clock.instant())));
          return null;
        });
  }

  /**
   * Uses the stored access token while it is fresh, else the refresh token, under the row's lock so
   * that nodes of a cluster never spend the same (rotating) refresh token twice.
   */
  private Bearer renew(String owner, ProviderAuth provider, boolean force) {
    return store.inTransaction(
        tx -> {
          Optional<CredentialRow> stored = tx.credentials().lock(owner, provider.name());
          if (stored.isEmpty()) {
            return new Bearer.Unavailable(
                "no credential for provider '"
                    + provider.name()
                    + "' is stored for you; "
                    + remedy(provider));
          }
          CredentialRow row = stored.get();
          try {
            if (!force && row.accessTokenSealed() != null && fresh(row.accessExpiresAt())) {
              String token = sealer.open(row.accessTokenSealed());
              accessTokens.put(
                  key(owner, provider), new Cached(token, row.accessExpiresAt(), clock.instant()));
              return new Bearer.Token(token);
            }
            if (row.refreshTokenSealed() == null) {
              return new Bearer.Unavailable(
                  "the token obtained for provider '"
                      + provider.name()
                      + "' is no longer usable and the issuer gave no refresh token; "
                      + remedy(provider));
            }
            String refreshToken = sealer.open(row.refreshTokenSealed());
            return switch (tokenEndpoint.refresh(provider, refreshToken)) {
              case TokenAnswer.Granted granted -> {
                tx.credentials().put(sealed(owner, provider, granted, refreshToken));
                accessTokens.put(
                    key(owner, provider),
                    new Cached(granted.accessToken(), granted.expiresAt(), clock.instant()));
                yield new Bearer.Token(granted.accessToken());
              }
              case TokenAnswer.Refused refused -> {
                log.warn(
                    "the issuer refused {}'s refresh token for provider {}: {}",
                    owner,
                    provider.name(),
                    refused.error());
                yield new Bearer.Unavailable(
                    "the issuer refused the stored refresh token for provider '"
                        + provider.name()
                        + "' ("
                        + refused.describe()
                        + "); "
                        + remedy(provider));
              }
              case TokenAnswer.Unreachable unreachable ->
                  new Bearer.Unreachable(unreachable.reason());
            };
          } catch (Sealer.UnopenableSecret e) {
            return new Bearer.Unavailable(
                "the stored credential for provider '"
                    + provider.name()
                    + "' cannot be decrypted (the service's secret key changed); "
                    + remedy(provider));
          }
        });
  }

  private void keep(
      String owner, ProviderAuth provider, TokenAnswer.Granted granted, String fallbackRefresh) {
    store.inDurableTransaction(
        tx -> {
          tx.credentials().put(sealed(owner, provider, granted, fallbackRefresh));
          return null;
        });
    accessTokens.put(
        key(owner, provider),
        new Cached(granted.accessToken(), granted.expiresAt(), clock.instant()));
  }

  /** A refresh grant may or may not rotate the refresh token; without a new one the old stays. */
  private CredentialRow sealed(
      String owner, ProviderAuth provider, TokenAnswer.Granted granted, String fallbackRefresh) {
    String refresh = granted.refreshToken() != null ? granted.refreshToken() : fallbackRefresh;
    return new CredentialRow(
        owner,
        provider.name(),
        refresh == null ? null : sealer.seal(refresh),
        sealer.seal(granted.accessToken()),
        granted.expiresAt(),
        clock.instant());
  }

  private String open(String sealed) {
    try {
      return sealed == null ? null : sealer.open(sealed);
    } catch (Sealer.UnopenableSecret e) {
      return null;
    }
  }

  private boolean fresh(Instant expiresAt) {
    return expiresAt == null || expiresAt.isAfter(clock.instant().plus(EARLY));
  }

  private static String key(String owner, ProviderAuth provider) {
    return provider.name() + '\n' + owner;
  }

  private static String remedy(ProviderAuth provider) {
    return switch (provider.grant()) {
      case TOKEN_EXCHANGE ->
          "resume the timer with its credentials updated ('globus-timer job resume"
              + " --update-credentials JOB_ID', API update_credentials=true)";
      case REFRESH_TOKEN ->
          "run 'globus-timer session consent "
              + provider.name()
              + "', then resume the timer with 'globus-timer job resume --update-credentials"
              + " JOB_ID'";
    };
  }

  private static String consentFor(ProviderAuth provider) {
    return provider.scopes().isEmpty()
        ? ""
        : " and consent to " + String.join(" ", provider.scopes());
  }
}
