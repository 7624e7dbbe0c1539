package org.globustimer.server.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provider calls over the JDK client, for {@code https://} providers (TLS, HTTP/1.1). One JDK
 * client multiplexes all its connections on a single selector thread; several spread the work of
 * many concurrent calls over the cores.
 */
final class JdkProviderHttp implements ProviderHttp {

  private final HttpClient[] clients;
  private final AtomicInteger next = new AtomicInteger();
  private final Duration timeout;

  JdkProviderHttp(Duration connectTimeout, Duration timeout) {
    this.timeout = timeout;
    this.clients = new HttpClient[Math.max(2, Runtime.getRuntime().availableProcessors())];
    for (int i = 0; i < clients.length; i++) {
      clients[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(connectTimeout)
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
    }
  }

  @Override
  public Reply exchange(String method, String url, String body, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .method(method, HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpClient client = clients[Math.floorMod(next.getAndIncrement(), clients.length)];
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("Location").orElse(null));
  }

  @Override
  public void close() {
    for (HttpClient client : clients) {
      client.shutdownNow();
    }
  }
}
