package org.globustimer.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A canned HTTP answer on a loopback port, for testing how the CLI reports what a service says.
 * Behaviour against the real service is tested in the e2e package.
 */
public final class StubService implements AutoCloseable {

  public record Seen(String method, String uri, String authorization, String body) {}

  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile int status;
  private volatile String body;
  private final java.util.Map<String, Integer> statusByPath =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, String> headers =
      new java.util.concurrent.ConcurrentHashMap<>();

  public StubService(int status, String body) throws IOException {
    this.status = status;
    this.body = body;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String sent =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  sent));
          Integer special = statusByPath.get(exchange.getRequestURI().getPath());
          byte[] answer = (special != null ? "" : this.body).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          headers.forEach(exchange.getResponseHeaders()::add);
          exchange.sendResponseHeaders(
              special != null ? special : this.status, answer.length == 0 ? -1 : answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  public void answer(int status, String body) {
    this.status = status;
    this.body = body;
  }

  /** Answers {@code status} with an empty body on exactly this path. */
  public StubService status(String path, int status) {
    statusByPath.put(path, status);
    return this;
  }

  /** Sends this header with every answer. */
  public StubService header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Seen> seen() {
    return seen;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
