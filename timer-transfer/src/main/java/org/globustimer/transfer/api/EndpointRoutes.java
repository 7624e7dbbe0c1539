package org.globustimer.transfer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Function;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Endpoints;

/**
 * The endpoints API. Failures are thrown as {@link ServiceException}s and rendered by the host's
 * one error mapper.
 */
public final class EndpointRoutes {

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
            answer(
                ctx,
                200,
                (o, c) ->
                    endpoints.ls(
                        o, c.pathParam("id"), c.queryParam("path"), tree(c.queryParam("tree")))));
  }

  private void answer(Context ctx, int status, Call call) {
    String owner = ownerOf.apply(ctx);
    if (owner == null) {
      throw ServiceException.unauthorized("a bearer token is required");
    }
    Replies.json(ctx, status, call.apply(owner, ctx));
  }

  private static boolean tree(String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw TransferException.badRequest("tree: must be true or false, not " + value);
  }

  private static JsonNode body(Context ctx) {
    try {
      return ctx.body().isBlank() ? null : Json.mapper().readTree(ctx.body());
    } catch (IOException e) {
      throw TransferException.badRequest("the request body is not valid JSON");
    }
  }
}
