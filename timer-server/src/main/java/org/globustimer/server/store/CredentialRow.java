package org.globustimer.server.store;

import java.time.Instant;

/**
 * A user's stored credential for one external action provider. The token fields hold sealed text
 * (see {@code org.globustimer.core.secret.Sealer}); either may be null.
 */
public record CredentialRow(
    String owner,
    String provider,
    String refreshTokenSealed,
    String accessTokenSealed,
    Instant accessExpiresAt,
    Instant updatedAt) {}
