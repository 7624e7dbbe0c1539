package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.json.Json;

/** Stands in for a provider whose URL the allow list does not cover: nothing is sent anywhere. */
record RefusedUrl(String url) implements ActionProvider {

  @Override
  public ActionReply run(String owner, JsonNode runRequest) {
    return refusal();
  }

  @Override
  public ActionReply status(String owner, String actionId) {
    return refusal();
  }

  @Override
  public ActionReply cancel(String owner, String actionId) {
    return refusal();
  }

  @Override
  public ActionReply release(String owner, String actionId) {
    return refusal();
  }

  private ActionReply refusal() {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("error", "action_url_not_allowed");
    body.put("status_code", 400);
    body.put(
        "description",
        url + " is not allowed by this service's allowed_action_urls; nothing was sent");
    return new ActionReply(400, body);
  }
}
