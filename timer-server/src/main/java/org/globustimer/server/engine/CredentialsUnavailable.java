package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.globustimer.core.json.Json;

/**
 * No call was made: the owner's credential for the provider no longer works and only they can renew
 * it. Recorded like the provider's own 401, with {@link #getMessage} saying what to do.
 */
final class CredentialsUnavailable extends RuntimeException {

  CredentialsUnavailable(String detail) {
    super(detail, null, false, false);
  }

  /** What the run records as the answer it got. */
  JsonNode body() {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("error", "credentials_unavailable");
    body.put("description", getMessage());
    return body;
  }
}
