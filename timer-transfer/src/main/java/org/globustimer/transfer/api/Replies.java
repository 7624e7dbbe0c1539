package org.globustimer.transfer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferException;

/** Writes JSON with the shared mapper, whatever JSON mapper the hosting app configured. */
final class Replies {

  private Replies() {}

  static void json(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(Json.mapper().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw TransferException.internal("cannot write a reply", e);
    }
  }
}
