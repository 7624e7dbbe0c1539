package org.globustimer.cli.session;

import java.net.URI;

/** Where an issuer's endpoints are; {@code revocation} may be null. */
record Issuer(String issuer, URI authorization, URI token, URI revocation) {}
