package org.globustimer.cli.session;

import org.globustimer.cli.CliException;

/** The issuer answered with an error; {@code error} is its OAuth error code, if any. */
final class IssuerRefusal extends CliException {
  final String error;

  IssuerRefusal(String message, String error) {
    super(message);
    this.error = error;
  }
}
