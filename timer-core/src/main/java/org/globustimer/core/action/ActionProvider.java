package org.globustimer.core.action;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An action provider as the Action Provider API describes it, seen from a caller acting for {@code
 * owner} (an identity principal). Remote providers are reached over HTTP; built-in ones (the
 * transfer provider) are called in process through the same interface.
 */
public interface ActionProvider {

  /** Starts an action; a repeated {@code request_id} answers the existing action with 200. */
  ActionReply run(String owner, JsonNode runRequest);

  ActionReply status(String owner, String actionId);

  ActionReply cancel(String owner, String actionId);

  ActionReply release(String owner, String actionId);
}
