package org.globustimer.server.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.globustimer.core.json.Json;

/**
 * What operators point their tools at: {@code /metrics} for Prometheus, {@code /health/live} (the
 * process answers) and {@code /health/ready} (the database answers and the engine is claiming) for
 * orchestrators and load balancers. None of them needs a token, and none tells anything about a
 * user's timers beyond counts.
 */
public final class OpsRoutes {

  public static final Set<String> PATHS = Set.of("/metrics", "/health/live", "/health/ready");
  private static final int DATABASE_CHECK_SECONDS = 2;

  private final ServiceMetrics metrics;
  private final DataSource dataSource;
  private final BooleanSupplier claiming;
  private final String nodeId;

  public OpsRoutes(
      ServiceMetrics metrics, DataSource dataSource, BooleanSupplier claiming, String nodeId) {
    this.metrics = metrics;
    this.dataSource = dataSource;
    this.claiming = claiming;
    this.nodeId = nodeId;
  }

  public void mount(Javalin app) {
    app.get("/metrics", this::scrape);
    app.get("/health/live", ctx -> answer(ctx, true, true, null));
    app.get("/health/ready", this::ready);
  }

  private void scrape(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private void ready(Context ctx) {
    boolean database = databaseAnswers();
    boolean engine = claiming.getAsBoolean();
    String problem =
        !database
            ? "the database does not answer"
            : !engine ? "the engine has not claimed work recently" : null;
    answer(ctx, database && engine, database, problem);
  }

  private void answer(Context ctx, boolean up, boolean database, String problem) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("status", up ? "ok" : "unavailable");
    body.put("node_id", nodeId);
    if (problem != null) {
      body.put("detail", problem);
      body.put("database", database ? "ok" : "unavailable");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.status(up ? 200 : 503).contentType("application/json").result(body.toString());
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(DATABASE_CHECK_SECONDS);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
