package org.globustimer.transfer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Function;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Endpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The endpoints API; errors answer {@code {"error": {"code", "detail"}}}. */
public final class EndpointRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointRoutes.class);

  /** One endpoints call for an authenticated owner. */
  @FunctionalInterface
  private interface Call {
    JsonNode apply(String owner, Context ctx);
  }

  private final Endpoints endpoints;
  private final Function<Context, String> ownerOf;

  public EndpointRoutes(Endpoints endpoints, Function<Context, String> ownerOf) {
    this.endpoints = endpoints;
    this.ownerOf = ownerOf;
  }

  public void mount(Javalin app) {
    app.post("/endpoints", ctx -> answer(ctx, 201, (o, c) -> endpoints.create(o, body(c))));
    app.get("/endpoints", ctx -> answer(ctx, 200, (o, c) -> endpoints.list(o)));
    app.get(
        "/endpoints/{id}", ctx -> answer(ctx, 200, (o, c) -> endpoints.show(o, c.pathParam("id"))));
    app.delete(
        "/endpoints/{id}",
        ctx -> answer(ctx, 200, (o, c) -> endpoints.delete(o, c.pathParam("id"))));
    app.get(
        "/endpoints/{id}/ls",
        ctx ->
            answer(ctx, 200, (o, c) -> endpoints.ls(o, c.pathParam("id"), c.queryParam("path"))));
  }

  private void answer(Context ctx, int status, Call call) {
    try {
      String owner = ownerOf.apply(ctx);
      if (owner == null) {
        throw new TransferException("UNAUTHORIZED", 401, "a bearer token is required");
      }
      Replies.json(ctx, status, call.apply(owner, ctx));
    } catch (TransferException e) {
      if (e.httpStatus() >= 500) {
        LOG.warn("endpoints call failed: {}", e.getMessage(), e);
      }
      Replies.json(ctx, e.httpStatus(), error(e));
    }
  }

  private static ObjectNode error(TransferException e) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("error").put("code", e.code()).put("detail", e.getMessage());
    if (e.httpStatus() == 422) {
      String message = e.getMessage();
      int colon = message.indexOf(':');
      ObjectNode item = body.putArray("detail").addObject();
      item.putArray("loc").add("body").add(colon > 0 ? message.substring(0, colon) : "body");
      item.put("msg", message).put("type", "value_error");
    }
    return body;
  }

  private static JsonNode body(Context ctx) {
    try {
      return ctx.body().isBlank() ? null : Json.mapper().readTree(ctx.body());
    } catch (IOException e) {
      throw TransferException.badRequest("the request body is not valid JSON");
    }
  }
}
