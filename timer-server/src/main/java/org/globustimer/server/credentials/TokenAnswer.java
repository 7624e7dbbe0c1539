package org.globustimer.server.credentials;

import java.time.Instant;

/** What an issuer's token endpoint said to a grant. */
sealed interface TokenAnswer {

  /** New tokens; {@code refreshToken} and {@code expiresAt} may be null. */
  record Granted(String accessToken, String refreshToken, Instant expiresAt)
      implements TokenAnswer {}

  /** The issuer said no (a 4xx with an OAuth error such as {@code invalid_grant}). */
  record Refused(int status, String error, String description) implements TokenAnswer {
    String describe() {
      return error + (description.isBlank() ? "" : ": " + description);
    }
  }

  /** No answer worth acting on: the network failed or the issuer answered 5xx. */
  record Unreachable(String reason) implements TokenAnswer {}
}
