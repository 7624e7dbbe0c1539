package org.globustimer.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.globustimer.core.error.Problem;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;

/** Reading JSON request bodies and writing JSON answers. */
final class JsonIo {

  private JsonIo() {}

  static JsonNode body(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > Limits.BODY_BYTES) {
      throw ServiceException.invalid(
          List.of(
              new Problem(
                  List.of("body"),
                  "must be at most " + Limits.BODY_BYTES + " bytes, not " + bytes.length,
                  "body_too_large")));
    }
    if (isBlank(bytes)) {
      throw ServiceException.invalid(List.of("body"), "the request body must be a JSON object");
    }
    try {
      // Parsed from the bytes: decoding them to a String first costs as much again.
      return Json.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ServiceException.invalid(
          List.of("body"),
          "malformed JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw ServiceException.invalid(List.of("body"), "unreadable JSON: " + e.getMessage());
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0b) {
        return false;
      }
    }
    return true;
  }

  static void message(Context ctx, String text) {
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("message", text);
    json(ctx, answer);
  }

  static void json(Context ctx, JsonNode node) {
    try {
      ctx.contentType("application/json").result(Json.mapper().writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  static void created(Context ctx, JsonNode node) {
    ctx.status(201);
    json(ctx, node);
  }
}
