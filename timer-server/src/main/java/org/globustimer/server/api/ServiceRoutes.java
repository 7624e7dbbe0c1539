package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.core.json.Json;
import org.globustimer.server.auth.Identity;
import org.globustimer.server.store.NodeRow;

/** What the service says about itself: its health, the caller's identity, its cluster's nodes. */
final class ServiceRoutes {

  private static final BuildInfo BUILD = BuildInfo.current();

  private ServiceRoutes() {}

  static void mount(Javalin app, HttpApi.Parts parts) {
    app.get("/health", ctx -> health(ctx, parts));
    app.get("/whoami", ServiceRoutes::whoami);
    app.get("/cluster", ctx -> cluster(ctx, parts));
  }

  private static void health(Context ctx, HttpApi.Parts parts) {
    boolean up = parts.storeAvailable().getAsBoolean();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("status", up ? "ok" : "database unavailable");
    body.put("node_id", parts.nodeId());
    body.put("version", BUILD.version().toString());
    ctx.status(up ? 200 : 503);
    JsonIo.json(ctx, body);
  }

  private static void whoami(Context ctx) {
    Identity identity = Auth.identity(ctx);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("sub", identity.principal());
    body.put("username", identity.username());
    body.put("identity_provider", identity.identityProvider());
    body.put("admin", identity.admin());
    JsonIo.json(ctx, body);
  }

  /** The service processes sharing the database, with how many timers each holds claimed. */
  private static void cluster(Context ctx, HttpApi.Parts parts) {
    Auth.identity(ctx);
    ObjectNode body = Json.mapper().createObjectNode();
    var nodes = body.putArray("nodes");
    for (NodeRow node : parts.store().read(tx -> tx.nodes().list())) {
      ObjectNode item = nodes.addObject();
      item.put("node_id", node.nodeId());
      item.put("url", node.url());
      item.put("started_at", node.startedAt().toString());
      item.put("heartbeat_at", node.heartbeatAt().toString());
      item.put("claims", node.claims());
    }
    JsonIo.json(ctx, body);
  }
}
