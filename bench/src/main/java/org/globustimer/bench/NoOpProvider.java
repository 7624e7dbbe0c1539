package org.globustimer.bench;

import io.javalin.Javalin;
import java.util.function.ObjLongConsumer;

/**
 * An action provider that does nothing, fast: every run request is answered 202 with a final
 * SUCCEEDED status, and its arrival (wall-clock microseconds) is reported with the request body.
 */
final class NoOpProvider implements Provider {

  private final Javalin server;

  NoOpProvider(ObjLongConsumer<String> onArrival) {
    server =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.useVirtualThreads = true;
            });
    server.post(
        "/noop/run",
        ctx -> {
          long arrivedMicros = nowMicros();
          String body = ctx.body();
          onArrival.accept(body, arrivedMicros);
          int idStart = body.indexOf("\"request_id\":\"") + 14;
          String requestId = body.substring(idStart, body.indexOf('"', idStart));
          ctx.status(202)
              .contentType("application/json")
              .result(
                  "{\"action_id\":\"" + requestId + "\",\"status\":\"SUCCEEDED\",\"details\":{}}");
        });
    server.start("127.0.0.1", 0);
  }

  @Override
  public String runUrl() {
    return "http://127.0.0.1:" + server.port() + "/noop/run";
  }

  static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  @Override
  public void close() {
    server.stop();
  }
}
