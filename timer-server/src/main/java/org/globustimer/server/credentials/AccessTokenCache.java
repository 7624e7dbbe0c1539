package org.globustimer.server.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** This node's access tokens in memory, by provider and owner, trusted only for a short while. */
final class AccessTokenCache {

  /** A token this close to expiry is renewed before use, so it cannot lapse in flight. */
  private static final Duration EARLY = Duration.ofSeconds(60);

  /**
   * How long a node trusts its cached token without looking at the stored row: a credential the
   * user removed (or another node replaced) stops being used within this time.
   */
  private static final Duration RECHECK = Duration.ofSeconds(30);

  private record Cached(String token, Instant expiresAt, Instant checkedAt) {}

  private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  AccessTokenCache(Clock clock) {
    this.clock = clock;
  }

  /** The cached token while it is fresh and was recently checked against the store. */
  Optional<String> recent(String owner, ProviderAuth provider) {
    Cached cached = tokens.get(key(owner, provider));
    if (cached != null
        && fresh(cached.expiresAt())
        && cached.checkedAt().plus(RECHECK).isAfter(clock.instant())) {
      return Optional.of(cached.token());
    }
    return Optional.empty();
  }

  void put(String owner, ProviderAuth provider, String token, Instant expiresAt) {
    tokens.put(key(owner, provider), new Cached(token, expiresAt, clock.instant()));
  }

  void forget(String owner, ProviderAuth provider) {
    tokens.remove(key(owner, provider));
  }

  boolean fresh(Instant expiresAt) {
    return expiresAt == null || expiresAt.isAfter(clock.instant().plus(EARLY));
  }

  static String key(String owner, ProviderAuth provider) {
    return provider.name() + '\n' + owner;
  }
}
