package org.globustimer.server.credentials;

/** The issuer's token endpoint could not be asked just now; the API answers 503. */
public final class IssuerUnreachable extends RuntimeException {

  IssuerUnreachable(String reason) {
    super("the issuer's token endpoint could not be reached: " + reason, null, false, false);
  }
}
