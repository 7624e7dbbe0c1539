package org.globustimer.cli.session;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.globustimer.cli.CliException;

/** Listens on a loopback port for the browser's redirect back from the issuer (RFC 8252). */
final class LoopbackRedirect implements AutoCloseable {

  private final HttpServer server;
  private final CompletableFuture<String> answer = new CompletableFuture<>();

  LoopbackRedirect() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new CliException(
          "cannot listen on a loopback port for the login: " + e.getMessage(), e);
    }
    server.createContext(
        "/callback",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          try (exchange) {
            boolean ok = query != null && query.contains("code=");
            byte[] page =
                (ok
                        ? "Logged in to globus-timer. You may close this window."
                        : "The login did not complete; see the terminal.")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(ok ? 200 : 400, page.length);
            exchange.getResponseBody().write(page);
          }
          answer.complete(query == null ? "" : query);
        });
    server.start();
  }

  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
  }

  /** The redirect's raw query string. */
  String await(Duration timeout) {
    try {
      return answer.get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new CliException(
          "no answer from the browser within "
              + timeout.toMinutes()
              + " minutes; run 'globus-timer session login --no-browser' to paste the code instead");
    } catch (ExecutionException e) {
      throw new CliException("the login failed: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }

  @Override
  public void close() {
    server.stop(1);
  }
}
