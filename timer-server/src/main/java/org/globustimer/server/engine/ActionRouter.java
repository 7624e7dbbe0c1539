package org.globustimer.server.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.server.auth.ActionUrls;
import org.globustimer.server.credentials.ProviderCredentials;

/**
 * Chooses how to reach the provider behind a callback URL: the built-in transfer provider is called
 * in process (for its own run URLs and the configured aliases of well-known transfer providers), as
 * the timer's owner with no token at all; every other URL over HTTP, with the owner's token for
 * that provider when one is configured.
 */
public final class ActionRouter {

  private final ActionProvider builtInTransfer;
  private static final String BUILT_IN_PATH = "/transfer/transfer";

  private final List<String> builtInBases;
  private final List<String> allowedUrls;
  private final ProviderCredentials credentials;

  /**
   * Calls in flight per client. The JDK client opens a connection for every concurrent call and its
   * pool bookkeeping grows with them; a bound keeps bursts of simultaneous ticks from opening
   * thousands of connections.
   */
  private static final int CALLS_PER_CLIENT = 256;

  private final HttpClient[] clients;
  private final java.util.concurrent.Semaphore[] permits;
  private final java.util.concurrent.atomic.AtomicInteger nextClient =
      new java.util.concurrent.atomic.AtomicInteger();

  public ActionRouter(
      ActionProvider builtInTransfer,
      List<String> builtInRunUrls,
      List<String> allowedUrls,
      ProviderCredentials credentials) {
    this.builtInTransfer = builtInTransfer;
    this.allowedUrls = List.copyOf(allowedUrls);
    this.credentials = credentials;
    this.builtInBases = builtInRunUrls.stream().map(ActionRouter::baseOf).toList();
    // One JDK client multiplexes all its connections on a single selector thread; several
    // spread the work of many concurrent calls over the cores.
    this.clients = new HttpClient[Math.max(2, Runtime.getRuntime().availableProcessors())];
    this.permits = new java.util.concurrent.Semaphore[clients.length];
    for (int i = 0; i < clients.length; i++) {
      permits[i] = new java.util.concurrent.Semaphore(CALLS_PER_CLIENT);
      clients[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
    }
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
    int shard = Math.floorMod(nextClient.getAndIncrement(), clients.length);
    return new HttpActionProvider(
        clients[shard], permits[shard], baseOf(callbackUrl), callbackUrl, credentials);
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
