package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.cli.output.Texts;

/** A timer's own notification settings and run timeout in words; null where the service's hold. */
final class NotifyView {

  private NotifyView() {}

  static String notifications(JsonNode job) {
    List<String> parts = new ArrayList<>();
    JsonNode events = job.path("notify_on");
    if (events.isArray()) {
      parts.add(events.isEmpty() ? "no events" : "on " + join(events));
    }
    JsonNode emails = job.path("notify_emails");
    if (emails.isArray()) {
      parts.add(emails.isEmpty() ? "no e-mail" : "e-mail " + join(emails));
    }
    JsonNode webhook = job.path("notify_webhook_url");
    if (webhook.isTextual()) {
      parts.add(webhook.asText().isEmpty() ? "no webhook" : "webhook " + webhook.asText());
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  static String runTimeout(JsonNode job) {
    JsonNode timeout = job.path("run_timeout");
    if (!timeout.isNumber()) {
      return null;
    }
    return timeout.asLong() == 0 ? "none" : Texts.duration(timeout.asLong());
  }

  private static String join(JsonNode list) {
    List<String> items = new ArrayList<>();
    list.forEach(item -> items.add(item.asText()));
    return String.join(", ", items);
  }
}
