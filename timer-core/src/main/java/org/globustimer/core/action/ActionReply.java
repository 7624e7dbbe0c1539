package org.globustimer.core.action;

import com.fasterxml.jackson.databind.JsonNode;

/** What a provider answered: the HTTP status and the JSON body (an action status or an error). */
public record ActionReply(int httpStatus, JsonNode body) {

  public boolean isSuccess() {
    return httpStatus >= 200 && httpStatus < 300;
  }

  /** The action's {@code status} field, or null when the body is not an action status. */
  public String actionStatus() {
    return body != null && body.hasNonNull("status") && body.get("status").isTextual()
        ? body.get("status").asText()
        : null;
  }

  public String actionId() {
    return body != null && body.hasNonNull("action_id") ? body.get("action_id").asText() : null;
  }
}
