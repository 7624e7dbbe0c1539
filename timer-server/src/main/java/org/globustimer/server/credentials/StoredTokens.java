package org.globustimer.server.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.globustimer.core.secret.Sealer;
import org.globustimer.server.store.CredentialRow;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' provider tokens: sealed in the store, cached in memory, renewed with their refresh token
 * as they near expiry.
 */
final class StoredTokens {

  private static final Logger log = LoggerFactory.getLogger(StoredTokens.class);

  /** A token this close to expiry is renewed before use, so it cannot lapse in flight. */
  private static final Duration EARLY = Duration.ofSeconds(60);

  /**
   * How long a node trusts its cached token without looking at the stored row: a credential the
   * user removed (or another node replaced) stops being used within this time.
   */
  private static final Duration RECHECK = Duration.ofSeconds(30);

  private final TimerStore store;
  private final Sealer sealer;
  private final TokenEndpoint tokenEndpoint;
  private final Clock clock;
  private final Map<String, Cached> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> renewals = new ConcurrentHashMap<>();

  private record Cached(String token, Instant expiresAt, Instant checkedAt) {}

  StoredTokens(TimerStore store, Sealer sealer, TokenEndpoint tokenEndpoint, Clock clock) {
    this.store = store;
    this.sealer = sealer;
    this.tokenEndpoint = tokenEndpoint;
    this.clock = clock;
  }

  /** The cached token while it is fresh and recently checked; else the stored or renewed one. */
  Bearer current(String owner, ProviderAuth provider) {
    Cached cached = accessTokens.get(key(owner, provider));
    if (cached != null
        && fresh(cached.expiresAt())
        && cached.checkedAt().plus(RECHECK).isAfter(clock.instant())) {
      return new Bearer.Token(cached.token());
    }
    return renew(owner, provider, false);
  }

  /** Forgets {@code token} here and in the store, unless another node already replaced it. */
  void dropAccessToken(String owner, ProviderAuth provider, String token) {
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
   * Uses the stored access token while it is fresh, else the refresh token. One renewal per
   * credential at a time in this process, and across the nodes of a cluster (the store's named
   * lock), so that a rotating refresh token is never spent twice; the call to the issuer happens
   * outside any transaction, so it never holds up other writes.
   */
  Bearer renew(String owner, ProviderAuth provider, boolean force) {
    String key = key(owner, provider);
    ReentrantLock lock = renewals.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      return store.exclusively(
          "provider credential\n" + key, () -> renewAlone(owner, provider, force));
    } finally {
      lock.unlock();
    }
  }

  private Bearer renewAlone(String owner, ProviderAuth provider, boolean force) {
    for (int attempt = 0; ; attempt++) {
      Optional<CredentialRow> stored =
          store.read(tx -> tx.credentials().find(owner, provider.name()));
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
        TokenAnswer answer = tokenEndpoint.refresh(provider, refreshToken);
        if (answer instanceof TokenAnswer.Granted granted) {
          CredentialRow renewed = sealed(owner, provider, granted, refreshToken);
          // Written only over the row we read: a credential removed or replaced by the user
          // meanwhile stays as the user left it, and is what the next attempt reads.
          if (store.inDurableTransaction(
              tx -> tx.credentials().replace(renewed, row.refreshTokenSealed()))) {
            accessTokens.put(
                key(owner, provider),
                new Cached(granted.accessToken(), granted.expiresAt(), clock.instant()));
            return new Bearer.Token(granted.accessToken());
          }
          if (attempt == 0) {
            force = false;
            continue;
          }
          return new Bearer.Unreachable("the stored credential changed while it was renewed");
        }
        return unusable(owner, provider, answer);
      } catch (Sealer.UnopenableSecret e) {
        return new Bearer.Unavailable(
            "the stored credential for provider '"
                + provider.name()
                + "' cannot be decrypted (the service's secret key changed); "
                + remedy(provider));
      }
    }
  }

  private static Bearer unusable(String owner, ProviderAuth provider, TokenAnswer answer) {
    return switch (answer) {
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
      case TokenAnswer.Unreachable unreachable -> new Bearer.Unreachable(unreachable.reason());
      case TokenAnswer.Granted granted -> new Bearer.Token(granted.accessToken());
    };
  }

  void keep(
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

  List<CredentialRow> ownedBy(String owner) {
    return store.read(tx -> tx.credentials().ownedBy(owner));
  }

  boolean delete(String owner, ProviderAuth provider) {
    accessTokens.remove(key(owner, provider));
    return store.inDurableTransaction(tx -> tx.credentials().delete(owner, provider.name()));
  }

  static String remedy(ProviderAuth provider) {
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

  static String consentFor(ProviderAuth provider) {
    return provider.scopes().isEmpty()
        ? ""
        : " and consent to " + String.join(" ", provider.scopes());
  }
}
