package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.action.ActionStatus;
import org.globustimer.core.timer.RunState;

/** What a call to an action provider amounted to, from the engine's point of view. */
sealed interface Answer {

  /** The provider reports the action in this state. */
  record Reported(int httpStatus, JsonNode body, RunState state) implements Answer {}

  /** Worth trying again with the same request id: no answer, 429 or a 5xx. */
  record Transient(Integer httpStatus, JsonNode body, String reason) implements Answer {}

  /** The provider refused for good; {@code credentials} when it refused who we act for. */
  record Refused(int httpStatus, JsonNode body, String reason, boolean credentials)
      implements Answer {}

  static Answer of(Supplier<ActionReply> call) {
    ActionReply reply;
    try {
      reply = call.get();
    } catch (ActionCallFailed e) {
      return new Transient(null, null, e.getMessage());
    } catch (CredentialsUnavailable e) {
      return new Refused(401, e.body(), e.getMessage(), true);
    }
    int status = reply.httpStatus();
    if (status == 429 || status >= 500) {
      return new Transient(status, reply.body(), "the action provider answered " + status);
    }
    if (status == 401 || status == 403) {
      return new Refused(
          status,
          reply.body(),
          "the action provider refused our credentials (" + status + ")" + describe(reply.body()),
          true);
    }
    if (!reply.isSuccess()) {
      return new Refused(
          status,
          reply.body(),
          "the action provider refused the request (" + status + ")" + describe(reply.body()),
          false);
    }
    ActionStatus actionStatus = ActionStatus.parse(reply.actionStatus());
    if (actionStatus == null) {
      return new Refused(
          status, reply.body(), "the action provider's answer has no action status", false);
    }
    return new Reported(status, reply.body(), RunState.valueOf(actionStatus.name()));
  }

  private static String describe(JsonNode body) {
    if (body == null) {
      return "";
    }
    for (String field : new String[] {"description", "detail", "message", "error"}) {
      JsonNode value = body.get(field);
      if (value != null && value.isTextual()) {
        return ": " + value.asText();
      }
    }
    return "";
  }
}
