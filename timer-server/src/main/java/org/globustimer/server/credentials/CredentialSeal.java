package org.globustimer.server.credentials;

import java.time.Clock;
import org.globustimer.core.secret.Sealer;
import org.globustimer.server.store.CredentialRow;

/** Seals granted tokens into a credential row, and opens what a row holds. */
record CredentialSeal(Sealer sealer, Clock clock) {

  /** A refresh grant may or may not rotate the refresh token; without a new one the old stays. */
  CredentialRow row(
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

  /** The opened secret, or null when there is none or it cannot be opened. */
  String openOrNull(String sealed) {
    try {
      return sealed == null ? null : sealer.open(sealed);
    } catch (Sealer.UnopenableSecret e) {
      return null;
    }
  }
}
