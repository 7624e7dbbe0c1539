package org.globustimer.server.credentials;

import java.time.Clock;
import java.util.List;
import org.globustimer.core.secret.Sealer;
import org.globustimer.server.store.CredentialRow;
import org.globustimer.server.store.TimerStore;

/**
 * Users' provider tokens: sealed in the store, cached in memory, renewed with their refresh token
 * as they near expiry.
 */
final class StoredTokens {

  private final TimerStore store;
  private final Clock clock;
  private final CredentialSeal seal;
  private final AccessTokenCache accessTokens;
  private final TokenRenewal renewal;

  StoredTokens(TimerStore store, Sealer sealer, TokenEndpoint tokenEndpoint, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.seal = new CredentialSeal(sealer, clock);
    this.accessTokens = new AccessTokenCache(clock);
    this.renewal = new TokenRenewal(store, seal, tokenEndpoint, accessTokens);
  }

  /** The cached token while it is fresh and recently checked; else the stored or renewed one. */
  Bearer current(String owner, ProviderAuth provider) {
    return accessTokens
        .recent(owner, provider)
        .<Bearer>map(Bearer.Token::new)
        .orElseGet(() -> renewal.renew(owner, provider, false));
  }

  /** Forgets {@code token} here and in the store, unless another node already replaced it. */
  void dropAccessToken(String owner, ProviderAuth provider, String token) {
    accessTokens.forget(owner, provider);
    store.inTransaction(
        tx -> {
          tx.credentials()
              .lock(owner, provider.name())
              .filter(row -> token.equals(seal.openOrNull(row.accessTokenSealed())))
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

  /** Renews the token now, see {@link TokenRenewal#renew}. */
  Bearer renew(String owner, ProviderAuth provider, boolean force) {
    return renewal.renew(owner, provider, force);
  }

  void keep(
      String owner, ProviderAuth provider, TokenAnswer.Granted granted, String fallbackRefresh) {
    store.inDurableTransaction(
        tx -> {
          tx.credentials().put(seal.row(owner, provider, granted, fallbackRefresh));
          return null;
        });
    accessTokens.put(owner, provider, granted.accessToken(), granted.expiresAt());
  }

  List<CredentialRow> ownedBy(String owner) {
    return store.read(tx -> tx.credentials().ownedBy(owner));
  }

  boolean delete(String owner, ProviderAuth provider) {
    accessTokens.forget(owner, provider);
    return store.inDurableTransaction(tx -> tx.credentials().delete(owner, provider.name()));
  }
}
