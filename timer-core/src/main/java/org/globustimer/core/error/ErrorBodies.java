package org.globustimer.core.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.globustimer.core.json.Json;

/**
 * The documented error bodies, rendered from a {@link ServiceException}: {@code {"error": {"code",
 * "detail"}}} for most errors, {@code {"detail": [{"loc", "msg", "type"}]}} for a 422, and for the
 * Action Provider API its own {@code {"error", "status_code", "code", "description"}}.
 */
public final class ErrorBodies {

  private ErrorBodies() {}

  /** The Timers API's shapes, used by every route but the action provider's. */
  public static ObjectNode timers(ServiceException e) {
    ObjectNode body = Json.mapper().createObjectNode();
    if (!e.problems().isEmpty()) {
      var detail = body.putArray("detail");
      for (Problem problem : e.problems()) {
        ObjectNode item = detail.addObject();
        problem.loc().forEach(item.putArray("loc")::add);
        item.put("msg", problem.msg()).put("type", problem.type());
      }
    } else {
      body.putObject("error").put("code", e.code()).put("detail", e.detail());
    }
    e.addDetails(body);
    return body;
  }

  /** The Action Provider API's shape; a 422's problems are listed under {@code detail}. */
  public static ObjectNode actionProvider(ServiceException e) {
    String name =
        switch (e.status()) {
          case 400, 413, 422 -> "BadActionRequest";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "ActionNotFound";
          case 409 -> "ActionConflict";
          case 503 -> "ServiceUnavailable";
          default -> "InternalError";
        };
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("error", name).put("status_code", e.status()).put("code", e.code());
    body.put("description", e.detail());
    if (!e.problems().isEmpty()) {
      body.setAll(timers(e));
    }
    return body;
  }
}
