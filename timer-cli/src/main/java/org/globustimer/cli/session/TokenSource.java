package org.globustimer.cli.session;

import java.util.Optional;

/**
 * Where the bearer token for a service comes from. An OpenID Connect login flow becomes one more
 * implementation: it caches what it obtains and answers it here.
 */
public interface TokenSource {

  /** The access token, if this source has one; a broken source throws a one-line error. */
  Optional<String> token();

  /** What the user can do when the service refuses the token or there is none. */
  String hint();

  /** Where the token comes from, for {@code session whoami --format full}. */
  String describe();
}
