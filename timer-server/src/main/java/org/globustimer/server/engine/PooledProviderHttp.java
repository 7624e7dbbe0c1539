package org.globustimer.server.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Provider calls over plain {@code http://}: blocking HTTP/1.1 on a pool of keep-alive connections,
 * run on the calling (virtual) thread. A socket wait parks only that thread; there is no selector
 * thread, shared timeout list or executor between the firing and its socket (see
 * docs/decisions/engine-firing-tail.md).
 */
final class PooledProviderHttp implements ProviderHttp {

  /** An idle connection is checked before reuse once it has been idle this long. */
  private static final TimeValue CHECK_IDLE_AFTER = TimeValue.ofMilliseconds(500);

  private final Timeout connectTimeout;
  private final Timeout answerWithin;
  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;

  PooledProviderHttp(int connections, Duration connectTimeout, Duration timeout) {
    this.connectTimeout = Timeout.ofMilliseconds(connectTimeout.toMillis());
    this.answerWithin = Timeout.ofMilliseconds(timeout.toMillis());
    this.pool = pool(connections);
    this.client = client(pool, new AgainOnDroppedConnection(pool));
  }

  private PoolingHttpClientConnectionManager pool(int connections) {
    return PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(connections)
        .setMaxConnPerRoute(connections)
        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
        .setDefaultConnectionConfig(
            ConnectionConfig.custom()
                .setConnectTimeout(connectTimeout)
                .setSocketTimeout(answerWithin)
                .setValidateAfterInactivity(CHECK_IDLE_AFTER)
                .build())
        .build();
  }

  /** A client on {@code connections}; with no {@code retries}, nothing is sent twice. */
  private CloseableHttpClient client(
      PoolingHttpClientConnectionManager connections, HttpRequestRetryStrategy retries) {
    HttpClientBuilder builder = HttpClients.custom();
    if (retries == null) {
      builder.disableAutomaticRetries();
    } else {
      builder.setRetryStrategy(retries);
    }
    return builder
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setResponseTimeout(answerWithin)
                .setConnectionRequestTimeout(answerWithin)
                .setRedirectsEnabled(false)
                .build())
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .build();
  }

  @Override
  public Reply exchange(String method, String url, String body, String bearer) throws IOException {
    try {
      return exchange(client, method, url, body, bearer);
    } catch (IOException e) {
      if (!dropped(e)) {
        throw e;
      }
      // Every pooled connection tried had been closed by the server (others kept being released
      // into the pool as the idle ones were dropped): once more, on a connection of its own.
      try (CloseableHttpClient once = client(pool(1), null)) {
        return exchange(once, method, url, body, bearer);
      }
    }
  }

  private static Reply exchange(
      CloseableHttpClient client, String method, String url, String body, String bearer)
      throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(url));
    request.setHeader("Accept", "application/json");
    if (body != null) {
      request.setHeader("Content-Type", "application/json");
      request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
    }
    if (bearer != null) {
      request.setHeader("Authorization", "Bearer " + bearer);
    }
    return client.execute(
        request,
        response -> {
          HttpEntity entity = response.getEntity();
          String text = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
          var location = response.getFirstHeader("Location");
          return new Reply(response.getCode(), text, location == null ? null : location.getValue());
        });
  }

  /** A kept-alive connection the server closed: no answer at all, or the socket gone. */
  private static boolean dropped(IOException e) {
    return e instanceof NoHttpResponseException
        || (e instanceof SocketException && !(e instanceof ConnectException));
  }

  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
  }

  /**
   * A kept-alive connection the provider closed meanwhile fails without any answer. A server that
   * closes one idle connection has often closed others (servers cap their idle connections), so the
   * idle ones in the pool are dropped and the call is made again, on a new connection. Every
   * provider call may be repeated (a run carries its request id; status, cancel and release are
   * idempotent), and nothing else is retried here: refused connections, timeouts and error statuses
   * go back to the engine as before.
   */
  private record AgainOnDroppedConnection(PoolingHttpClientConnectionManager pool)
      implements HttpRequestRetryStrategy {

    private static final int ATTEMPTS = 3;

    @Override
    public boolean retryRequest(
        HttpRequest request, IOException exception, int execCount, HttpContext context) {
      if (!dropped(exception)
          || exception instanceof InterruptedIOException
          || execCount >= ATTEMPTS) {
        return false;
      }
      pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
      return true;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
      return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
      return TimeValue.ZERO_MILLISECONDS;
    }
  }
}
