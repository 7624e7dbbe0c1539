package org.globustimer.server.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver on a real loopback port that keeps every POST it takes and answers 204. */
public final class WebhookReceiver implements AutoCloseable {

  public record Delivery(
      String id, String event, String timestamp, String signature, String body) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange) {
            var headers = exchange.getRequestHeaders();
            deliveries.add(
                new Delivery(
                    headers.getFirst("X-Globus-Timer-Notification"),
                    headers.getFirst("X-Globus-Timer-Event"),
                    headers.getFirst("X-Globus-Timer-Timestamp"),
                    headers.getFirst("X-Globus-Timer-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
          }
        });
    server.start();
  }

  /** The prefix to allow: {@code http://127.0.0.1:PORT/}. */
  public String prefix() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public String url() {
    return prefix() + "hook";
  }

  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
