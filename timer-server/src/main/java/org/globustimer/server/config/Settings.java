package org.globustimer.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.globustimer.server.auth.AuthSettings;
import org.globustimer.server.credentials.ProviderAuth;
import org.globustimer.server.notify.NotifySettings;

/**
 * The service's settings, read once at start-up. {@code allowedActionUrls} are URL prefixes the
 * engine may call ("*" allows any http(s) URL, the embedded single-user default); {@code
 * transferAliases} are run URLs of well-known transfer providers that the built-in provider serves;
 * {@code providers} say how to get tokens for external providers; {@code secretKey} seals stored
 * credentials (null: a key generated and kept in the database, for a single-user service); {@code
 * runTimeout} ends runs still in progress at their provider after that long (zero: never); {@code
 * drain} is how long a stopping service lets work under way finish before it hands the rest back.
 */
public record Settings(
    Path home,
    int port,
    String bind,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int databasePoolSize,
    String publicUrl,
    String nodeId,
    Duration minInterval,
    Duration maxInterval,
    Duration maxStartAhead,
    Duration resultRetention,
    List<String> allowedActionUrls,
    List<String> transferAliases,
    Duration claimHorizon,
    Duration lease,
    Duration drain,
    Duration runTimeout,
    AuthSettings auth,
    List<ProviderAuth> providers,
    NotifySettings notifications,
    byte[] secretKey) {

  public static final int DEFAULT_PORT = 8723;

  public boolean allowsAnyActionUrl() {
    return allowedActionUrls.contains("*");
  }
}
