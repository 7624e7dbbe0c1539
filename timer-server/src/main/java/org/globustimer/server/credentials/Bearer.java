package org.globustimer.server.credentials;

/** What to send an action provider as the caller's credential. */
public sealed interface Bearer {

  /** The provider needs no token from us. */
  record None() implements Bearer {}

  record Token(String value) implements Bearer {}

  /** The user's credential no longer works; only they can renew it. {@code detail} says how. */
  record Unavailable(String detail) implements Bearer {}

  /** The issuer could not be reached just now; worth trying again. */
  record Unreachable(String reason) implements Bearer {}
}
