package org.globustimer.server.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How the service presents its own client credentials to an issuer's endpoints. */
public final class ClientAuth {

  private ClientAuth() {}

  /**
   * The {@code Authorization} value for {@code client_secret_basic}: id and secret are form-encoded
   * before joining (RFC 6749 §2.3.1), so a ':' or '%' in either survives.
   */
  public static String basic(String clientId, String clientSecret) {
    String pair = form(clientId) + ":" + form(clientSecret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
