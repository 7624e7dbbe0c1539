package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.globustimer.core.error.ErrorBodies;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.copy.CopyTuning;
import org.globustimer.transfer.db.SqliteFiles;

/**
 * A transfer module on a real SQLite file database, mounted on a real Javalin on port 0. The bearer
 * token is the caller's identity.
 */
final class Harness implements AutoCloseable {

  static final String SEED_A = "ddb59aef-6d04-11e5-ba46-22000b92c6ec";
  static final String SEED_B = "ddb59af0-6d04-11e5-ba46-22000b92c6ec";

  record Reply(int status, JsonNode json) {}

  final Path home;
  private final HikariDataSource dataSource;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int parallel;
  private TransferModule module;
  private Javalin app;

  Harness(Path tmp, CopyTuning tuning, int parallel) throws IOException {
    this.home = Files.createDirectories(tmp.resolve("home"));
    this.parallel = parallel;
    this.dataSource = SqliteFiles.open(tmp.resolve("db/transfer.db"));
    start(tuning);
  }

  Harness(Path tmp) throws IOException {
    this(tmp, CopyTuning.DEFAULT, 4);
  }

  void start(CopyTuning tuning) {
    TransferSettings settings = new TransferSettings(home, List.of(home), parallel, null);
    module = new TransferModule(settings, dataSource, Clock.systemUTC(), tuning);
    module.registerLocalEndpoints("alice");
    app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
    // What the service's one error mapper does for these routes.
    app.exception(
        ServiceException.class,
        (e, ctx) ->
            ctx.status(e.status())
                .contentType("application/json")
                .result(ErrorBodies.timers(e).toString()));
    module.mount(
        app,
        ctx -> {
          String auth = ctx.header("Authorization");
          return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        });
    app.start("127.0.0.1", 0);
  }

  /** How many content digests the database keeps. */
  int digestRows() {
    return rows("transfer_digests");
  }

  int rows(String table) {
    try (var c = dataSource.getConnection();
        var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the module and HTTP server as a shutdown would, leaving the database. */
  void stop() {
    app.stop();
    module.close();
  }

  TransferModule module() {
    return module;
  }

  Reply call(String method, String path, String owner, Object body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
              .timeout(Duration.ofSeconds(30));
      if (owner != null) {
        b.header("Authorization", "Bearer " + owner);
      }
      String text =
          body == null ? "" : body instanceof String s ? s : Json.mapper().writeValueAsString(body);
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(text));
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          r.statusCode(), r.body().isEmpty() ? null : Json.mapper().readTree(r.body()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply get(String path, String owner) {
    return call("GET", path, owner, null);
  }

  Reply post(String path, String owner, Object body) {
    return call("POST", path, owner, body);
  }

  /** Starts a transfer for alice and answers its action id. */
  String run(ObjectNode body) {
    ObjectNode request = Json.mapper().createObjectNode();
    request.set("body", body);
    Reply r = post("/transfer/transfer/run", "alice", request);
    assertThat(r.status()).as("run answered %s", r.json()).isEqualTo(202);
    return r.json().get("action_id").asText();
  }

  JsonNode awaitFinal(String actionId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> isFinal(get("/transfer/transfer/" + actionId + "/status", "alice").json()));
    return get("/transfer/transfer/" + actionId + "/status", "alice").json();
  }

  JsonNode runToEnd(ObjectNode body) {
    return awaitFinal(run(body));
  }

  private static boolean isFinal(JsonNode doc) {
    String s = doc.path("status").asText();
    return s.equals("SUCCEEDED") || s.equals("FAILED");
  }

  /** A seed-shaped body copying between the two tutorial ids (both the local home). */
  static ObjectNode transfer(String src, String dst, boolean recursive) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("source_endpoint_id", SEED_A).put("destination_endpoint_id", SEED_B);
    body.putArray("transfer_items")
        .addObject()
        .put("source_path", src)
        .put("destination_path", dst)
        .put("recursive", recursive);
    return body;
  }

  @Override
  public void close() {
    stop();
    dataSource.close();
  }
}
