package org.globustimer.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.globustimer.core.json.Json;

public final class JsonOutput {

  private JsonOutput() {}

  public static void print(PrintWriter out, JsonNode node) {
    try {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
