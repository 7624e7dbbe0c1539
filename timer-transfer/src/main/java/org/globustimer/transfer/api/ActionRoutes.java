package org.globustimer.transfer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.error.ErrorBodies;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferException;

/** The Action Provider API over HTTP, a thin skin over {@link ActionProvider}. */
public final class ActionRoutes {

  public static final String BASE = "/transfer/transfer";

  private final ActionProvider provider;
  private final Function<Context, String> ownerOf;
  private final ObjectNode introspection;

  public ActionRoutes(ActionProvider provider, Function<Context, String> ownerOf) {
    this.provider = provider;
    this.ownerOf = ownerOf;
    this.introspection = introspection();
  }

  public void mount(Javalin app) {
    app.get(BASE, ctx -> Replies.json(ctx, 200, introspection));
    if (!app.unsafeConfig().router.ignoreTrailingSlashes) {
      app.get(BASE + "/", ctx -> Replies.json(ctx, 200, introspection));
    }
    app.post(BASE + "/run", ctx -> answer(ctx, (owner, id) -> provider.run(owner, body(ctx))));
    app.post(BASE + "/actions", ctx -> answer(ctx, (owner, id) -> provider.run(owner, body(ctx))));
    app.get(BASE + "/{id}/status", ctx -> answer(ctx, provider::status));
    app.get(BASE + "/actions/{id}", ctx -> answer(ctx, provider::status));
    app.post(BASE + "/{id}/cancel", ctx -> answer(ctx, provider::cancel));
    app.post(BASE + "/actions/{id}/cancel", ctx -> answer(ctx, provider::cancel));
    app.post(BASE + "/{id}/release", ctx -> answer(ctx, provider::release));
    app.post(BASE + "/actions/{id}/release", ctx -> answer(ctx, provider::release));
    app.delete(BASE + "/actions/{id}", ctx -> answer(ctx, provider::release));
  }

  private void answer(Context ctx, BiFunction<String, String, ActionReply> call) {
    ActionReply reply;
    try {
      String owner = ownerOf.apply(ctx);
      if (owner == null) {
        throw ServiceException.unauthorized("a bearer token is required");
      }
      reply = call.apply(owner, ctx.pathParamMap().get("id"));
    } catch (ServiceException e) {
      // The Action Provider API has an error shape of its own, which in-process callers see too.
      reply = new ActionReply(e.status(), ErrorBodies.actionProvider(e));
    }
    Replies.json(ctx, reply.httpStatus(), reply.body());
  }

  private static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      throw TransferException.badRequest("the request needs a JSON body");
    }
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw TransferException.badRequest("the request body is not valid JSON");
    }
  }

  private static ObjectNode introspection() {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("title", "Transfer").put("subtitle", "Move files between endpoints");
    doc.put("api_version", "1.0").put("synchronous", false).put("log_supported", false);
    doc.put(
        "globus_auth_scope", "https://auth.globus.org/scopes/actions.globus.org/transfer/transfer");
    doc.putArray("runnable_by").add("all_authenticated_users");
    doc.putArray("visible_to").add("public");
    doc.putArray("administered_by");
    doc.put("admin_contact", "root@localhost").put("maximum_deadline", "P30D");
    doc.putArray("types").add("Action");
    try (InputStream in = ActionRoutes.class.getResourceAsStream("/transfer/input-schema.json")) {
      doc.set("input_schema", Json.mapper().readTree(in));
    } catch (IOException e) {
      throw TransferException.internal("the input schema is missing", e);
    }
    return doc;
  }
}
