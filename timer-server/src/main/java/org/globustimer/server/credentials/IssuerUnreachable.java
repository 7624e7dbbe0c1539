package org.globustimer.server.credentials;

import org.globustimer.core.error.ServiceException;

/** The issuer's token endpoint could not be asked just now; the API answers 503. */
public final class IssuerUnreachable extends ServiceException {

  IssuerUnreachable(String reason) {
    super(
        503,
        "SERVICE_UNAVAILABLE",
        "the issuer's token endpoint could not be reached: " + reason + "; try again shortly");
  }
}
