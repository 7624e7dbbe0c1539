package org.globustimer.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.globustimer.cli.json.JsonText;

public final class JsonOutput {

  private JsonOutput() {}

  public static void print(PrintWriter out, JsonNode node) {
    out.println(JsonText.pretty(node));
  }
}
