package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.json.Json;

/**
 * A remote provider's HTTP reply as the engine reads it: the status with the JSON body, a body that
 * is not JSON kept (cut short) as text, and a redirect answered as what it is rather than followed.
 */
final class ProviderReplies {

  private ProviderReplies() {}

  static ActionReply read(ProviderHttp.Reply reply) {
    if (reply.status() >= 300 && reply.status() < 400) {
      return redirected(reply);
    }
    return new ActionReply(reply.status(), parse(reply.body()));
  }

  /** A provider must answer where it is asked; following it elsewhere could leak the request. */
  private static ActionReply redirected(ProviderHttp.Reply reply) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("error", "redirect_not_followed");
    body.put("status_code", reply.status());
    body.put(
        "description",
        "the provider redirected to "
            + (reply.location() == null ? "(no location)" : reply.location())
            + "; redirects are not followed");
    return new ActionReply(reply.status(), body);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank()
          ? Json.mapper().createObjectNode()
          : Json.mapper().readTree(body);
    } catch (IOException e) {
      ObjectNode wrapper = Json.mapper().createObjectNode();
      wrapper.put("unparsed_response", body.length() > 2000 ? body.substring(0, 2000) : body);
      return wrapper;
    }
  }
}
