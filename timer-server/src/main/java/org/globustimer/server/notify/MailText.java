package org.globustimer.server.notify;

import com.fasterxml.jackson.databind.JsonNode;

/** The subject and plain text of a notification e-mail, from the notification's JSON document. */
record MailText(String subject, String body) {

  static MailText of(String payload) {
    JsonNode doc = Payloads.parse(payload);
    JsonNode timer = doc.path("timer");
    JsonNode run = doc.path("run");
    String name = timer.path("name").asText("");
    String label = name.isBlank() ? timer.path("job_id").asText() : name;
    String event = doc.path("event").asText();
    String what =
        switch (event) {
          case "failed" -> "a run failed";
          case "inactive" -> "paused by the service";
          case "recovered" -> "succeeded again";
          case "succeeded" -> "a run succeeded";
          default -> event;
        };
    StringBuilder body = new StringBuilder();
    body.append("Timer \"").append(label).append("\" (").append(timer.path("job_id").asText());
    body.append("): ").append(what).append(".\n\n");
    if (doc.hasNonNull("reason")) {
      body.append("Reason: ").append(doc.get("reason").asText()).append("\n");
    }
    line(body, "Tick", run.path("tick_at"));
    line(body, "Started", run.path("ran_at"));
    line(body, "Ended", run.path("end_timestamp"));
    line(body, "Run status", run.path("run_status"));
    line(body, "HTTP status", run.path("http_status"));
    line(body, "Dashboard", timer.path("dashboard_url"));
    body.append("\nNotification ").append(doc.path("notification_id").asText());
    body.append(", sent by globus-timer.\n");
    return new MailText("[globus-timer] " + label + ": " + what, body.toString());
  }

  private static void line(StringBuilder body, String label, JsonNode value) {
    if (!value.isMissingNode() && !value.isNull() && !value.asText().isBlank()) {
      body.append(label).append(": ").append(value.asText()).append("\n");
    }
  }
}
