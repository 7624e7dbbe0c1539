package org.globustimer.server.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.globustimer.core.secret.Sealer;
import org.globustimer.server.store.CredentialRow;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renews a user's provider token with its refresh token, one renewal per credential at a time. */
final class TokenRenewal {

  // Logged under the name the service always used for stored tokens.
  private static final Logger log = LoggerFactory.getLogger(StoredTokens.class);

  private final TimerStore store;
  private final CredentialSeal seal;
  private final TokenEndpoint tokenEndpoint;
  private final AccessTokenCache accessTokens;
  private final Map<String, ReentrantLock> renewals = new ConcurrentHashMap<>();

  TokenRenewal(
      TimerStore store,
      CredentialSeal seal,
      TokenEndpoint tokenEndpoint,
      AccessTokenCache accessTokens) {
    this.store = store;
    this.seal = seal;
    this.tokenEndpoint = tokenEndpoint;
    this.accessTokens = accessTokens;
  }

  /**
   * Uses the stored access token while it is fresh, else the refresh token. One renewal per
   * credential at a time in this process, and across the nodes of a cluster (the store's named
   * lock), so that a rotating refresh token is never spent twice; the call to the issuer happens
   * outside any transaction, so it never holds up other writes.
   */
  Bearer renew(String owner, ProviderAuth provider, boolean force) {
    String key = AccessTokenCache.key(owner, provider);
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
        return Remedies.noneStored(provider);
      }
      CredentialRow row = stored.get();
      try {
        if (!force
            && row.accessTokenSealed() != null
            && accessTokens.fresh(row.accessExpiresAt())) {
          String token = seal.sealer().open(row.accessTokenSealed());
          accessTokens.put(owner, provider, token, row.accessExpiresAt());
          return new Bearer.Token(token);
        }
        if (row.refreshTokenSealed() == null) {
          return Remedies.noRefreshToken(provider);
        }
        String refreshToken = seal.sealer().open(row.refreshTokenSealed());
        TokenAnswer answer = tokenEndpoint.refresh(provider, refreshToken);
        if (answer instanceof TokenAnswer.Granted granted) {
          CredentialRow renewed = seal.row(owner, provider, granted, refreshToken);
          // Written only over the row we read: a credential removed or replaced by the user
          // meanwhile stays as the user left it, and is what the next attempt reads.
          if (store.inDurableTransaction(
              tx -> tx.credentials().replace(renewed, row.refreshTokenSealed()))) {
            accessTokens.put(owner, provider, granted.accessToken(), granted.expiresAt());
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
        return Remedies.undecryptable(provider);
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
        yield Remedies.refreshRefused(provider, refused);
      }
      case TokenAnswer.Unreachable unreachable -> new Bearer.Unreachable(unreachable.reason());
      case TokenAnswer.Granted granted -> new Bearer.Token(granted.accessToken());
    };
  }
}
