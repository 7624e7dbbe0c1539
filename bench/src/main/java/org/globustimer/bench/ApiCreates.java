package org.globustimer.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timers created through the API by concurrent client threads, each waiting for its answer before
 * sending the next: with {@link PlainHttp} (a minimal keep-alive client in this process) or the
 * JDK's client. Counts the CPU time the client threads use, so that it can be told apart from the
 * service's.
 */
final class ApiCreates {

  private final String url;
  private final String token;
  private final int clients;
  private final boolean jdkClient;

  /** CPU time the client threads used in the last {@link #create} (the JDK client's own not). */
  private final AtomicLong clientCpuNanos = new AtomicLong();

  ApiCreates(String url, String token, int clients, boolean jdkClient) {
    this.url = url;
    this.token = token;
    this.clients = clients;
    this.jdkClient = jdkClient;
  }

  long clientCpuNanos() {
    return clientCpuNanos.get();
  }

  /** Creates the timers numbered {@code from} (inclusive) to {@code to}; answers the failures. */
  long create(long from, long to) throws Exception {
    clientCpuNanos.set(0);
    var threads = ManagementFactory.getThreadMXBean();
    HttpClient http = jdkClient ? HttpClient.newHttpClient() : null;
    AtomicLong next = new AtomicLong(from);
    AtomicLong failures = new AtomicLong();
    String start = Instant.now().plusSeconds(86_400).toString();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(
            () -> {
              long cpuStarted = threads.getCurrentThreadCpuTime();
              try (PlainHttp plain = jdkClient ? null : new PlainHttp(url)) {
                for (long i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                  String body =
                      "{\"name\":\"bench-"
                          + i
                          + "\",\"start\":\""
                          + start
                          + "\",\"interval\":3600,\"callback_url\":\"http://127.0.0.1:9/run\","
                          + "\"callback_body\":{\"body\":{\"i\":"
                          + i
                          + "}}}";
                  PlainHttp.Answer answer =
                      jdkClient ? jdkPost(http, body) : plain.post("/jobs", token, body);
                  if (answer.status() != 201 && failures.incrementAndGet() == 1) {
                    System.err.printf(
                        "creating a timer failed: %d %s%n", answer.status(), answer.body());
                  }
                }
              }
              clientCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStarted);
              return null;
            });
      }
    }
    return failures.get();
  }

  private PlainHttp.Answer jdkPost(HttpClient http, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/jobs"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new PlainHttp.Answer(response.statusCode(), response.body());
  }
}
