package org.globustimer.cli.endpoint;

import static org.globustimer.cli.output.Texts.localTime;
import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.cli.output.Summary;
import org.globustimer.cli.output.Table;

final class EndpointView {

  private EndpointView() {}

  static void printOne(PrintWriter out, JsonNode endpoint, OutputFormat format) {
    switch (format) {
      case JSON -> JsonOutput.print(out, endpoint);
      case UNIX -> out.println(String.join("\t", row(endpoint)));
      case TEXT ->
          new Summary()
              .put("ID", text(endpoint, "id"))
              .put("Name", text(endpoint, "display_name"))
              .put("Type", text(endpoint, "type"))
              .put("Host", host(endpoint))
              .put("Username", text(endpoint, "username"))
              .put("Root", text(endpoint, "root"))
              .put("Service URL", text(endpoint, "service_url"))
              .put("Region", text(endpoint, "region"))
              .put("Addressing", text(endpoint, "addressing"))
              .put("Access key", text(endpoint, "access_key_id"))
              .put("Credentials", s3Credentials(endpoint))
              .put("Verify TLS", verifyTls(endpoint))
              .put("Owner", text(endpoint, "owner"))
              .put("Created", localTime(text(endpoint, "created_at")))
              .print(out);
    }
  }

  static void printList(PrintWriter out, JsonNode answer, OutputFormat format) {
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out, answer);
      return;
    }
    Table table = new Table("ID", "Name", "Type", "Location");
    for (JsonNode endpoint : EndpointBase.list(answer)) {
      table.add(row(endpoint));
    }
    if (format == OutputFormat.TEXT && table.isEmpty()) {
      out.println("No endpoints.");
      return;
    }
    table.print(out, format);
  }

  private static String[] row(JsonNode endpoint) {
    String host = host(endpoint);
    String root = text(endpoint, "root");
    String location = host == null ? root : host + ":" + (root == null ? "" : root);
    return new String[] {
      text(endpoint, "id"),
      text(endpoint, "display_name"),
      text(endpoint, "type"),
      location == null ? "" : location
    };
  }

  private static String s3Credentials(JsonNode endpoint) {
    String mode = text(endpoint, "credentials");
    return mode == null || mode.equals("keys") ? null : mode;
  }

  private static String verifyTls(JsonNode endpoint) {
    return endpoint.path("verify_tls").isBoolean() && !endpoint.get("verify_tls").asBoolean()
        ? "no"
        : null;
  }

  private static String host(JsonNode endpoint) {
    String host = text(endpoint, "host");
    String port = text(endpoint, "port");
    return host == null ? null : port == null ? host : host + ":" + port;
  }
}
