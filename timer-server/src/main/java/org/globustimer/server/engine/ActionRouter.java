package org.globustimer.server.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.server.auth.ActionUrls;
import org.globustimer.server.credentials.ProviderCredentials;

/**
 * Chooses how to reach the provider behind a callback URL: the built-in transfer provider is called
 * in process (for its own run URLs and the configured aliases of well-known transfer providers), as
 * the timer's owner with no token at all; every other URL over HTTP, with the owner's token for
 * that provider when one is configured.
 */
public final class ActionRouter implements AutoCloseable {

  private final ActionProvider builtInTransfer;
  private static final String BUILT_IN_PATH = "/transfer/transfer";

  private final List<String> builtInBases;
  private final List<String> allowedUrls;
  private final ProviderCredentials credentials;

  /**
   * Calls in flight at once, per transport. Each call holds a connection; a bound keeps bursts of
   * simultaneous ticks from opening thousands of them.
   */
  private static final int CALLS_IN_FLIGHT = 512;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** Plain {@code http://}: blocking keep-alive connections; {@code https://}: the JDK client. */
  private final ProviderHttp plain;

  private final ProviderHttp tls;
  private final Semaphore plainPermits = new Semaphore(CALLS_IN_FLIGHT);
  private final Semaphore tlsPermits = new Semaphore(CALLS_IN_FLIGHT);

  public ActionRouter(
      ActionProvider builtInTransfer,
      List<String> builtInRunUrls,
      List<String> allowedUrls,
      ProviderCredentials credentials) {
    this(builtInTransfer, builtInRunUrls, allowedUrls, credentials, ANSWER_TIMEOUT);
  }

  ActionRouter(
      ActionProvider builtInTransfer,
      List<String> builtInRunUrls,
      List<String> allowedUrls,
      ProviderCredentials credentials,
      Duration answerTimeout) {
    this.builtInTransfer = builtInTransfer;
    this.allowedUrls = List.copyOf(allowedUrls);
    this.credentials = credentials;
    this.builtInBases = builtInRunUrls.stream().map(ActionRouter::baseOf).toList();
    this.plain = new PooledProviderHttp(CALLS_IN_FLIGHT, CONNECT_TIMEOUT, answerTimeout);
    this.tls = new JdkProviderHttp(CONNECT_TIMEOUT, answerTimeout);
  }

  public ActionProvider providerFor(String callbackUrl) {
    if (isBuiltIn(callbackUrl)) {
      return builtInTransfer;
    }
    if (!ActionUrls.allowed(allowedUrls, callbackUrl)) {
      // Checked again at every call, not only at creation: the allow list may have been
      // narrowed since the timer was created, and nothing may reach a URL outside it.
      return new RefusedUrl(callbackUrl);
    }
    String base = baseOf(callbackUrl);
    boolean plainHttp = base.startsWith("http://");
    return new HttpActionProvider(
        plainHttp ? plain : tls,
        plainHttp ? plainPermits : tlsPermits,
        base,
        callbackUrl,
        credentials);
  }

  /** Closes the connections kept open to providers. */
  @Override
  public void close() {
    plain.close();
    tls.close();
  }

  /**
   * The built-in provider's own run URLs, on loopback at any port (a timer keeps the URL it was
   * created with, and the service may come back on another port), and the configured aliases.
   */
  public boolean isBuiltIn(String callbackUrl) {
    if (builtInTransfer == null) {
      return false;
    }
    String base = baseOf(callbackUrl);
    if (builtInBases.contains(base)) {
      return true;
    }
    URI uri = URI.create(base);
    return "127.0.0.1".equals(uri.getHost()) && BUILT_IN_PATH.equals(uri.getRawPath());
  }

  /** The action's base: the run URL without its last {@code /run} (or {@code /actions}). */
  public static String baseOf(String runUrl) {
    String url = runUrl.endsWith("/") ? runUrl.substring(0, runUrl.length() - 1) : runUrl;
    for (String suffix : List.of("/run", "/actions")) {
      if (url.endsWith(suffix)) {
        url = url.substring(0, url.length() - suffix.length());
        break;
      }
    }
    URI uri = URI.create(url);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
    if (host.equals("localhost")) {
      host = "127.0.0.1";
    }
    int port = uri.getPort();
    return uri.getScheme() + "://" + host + (port < 0 ? "" : ":" + port) + uri.getRawPath();
  }
}
