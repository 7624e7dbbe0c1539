package org.globustimer.benchpeers;

import io.javalin.Javalin;
import java.util.function.ObjLongConsumer;

/**
 * One action provider on loopback shared by every system: answers each run request 202 with a final
 * SUCCEEDED status, after handing its body and arrival time (epoch µs) to the current sink.
 */
final class NoOpAction implements AutoCloseable {

  private final Javalin server;
  private volatile ObjLongConsumer<String> sink = (body, micros) -> {};

  NoOpAction() {
    server =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.useVirtualThreads = true;
            });
    server.post(
        "/noop/run",
        ctx -> {
          long arrived = Micros.now();
          String body = ctx.body();
          sink.accept(body, arrived);
          int idStart = body.indexOf("\"request_id\":\"") + 14;
          String requestId =
              idStart < 14 ? "none" : body.substring(idStart, body.indexOf('"', idStart));
          ctx.status(202)
              .contentType("application/json")
              .result(
                  "{\"action_id\":\"" + requestId + "\",\"status\":\"SUCCEEDED\",\"details\":{}}");
        });
    server.start("127.0.0.1", 0);
  }

  String runUrl() {
    return "http://127.0.0.1:" + server.port() + "/noop/run";
  }

  void sendTo(ObjLongConsumer<String> sink) {
    this.sink = sink;
  }

  void ignore() {
    this.sink = (body, micros) -> {};
  }

  @Override
  public void close() {
    server.stop();
  }
}
