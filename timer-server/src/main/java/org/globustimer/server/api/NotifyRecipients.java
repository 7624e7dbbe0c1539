package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.core.timer.EmailAddresses;
import org.globustimer.server.notify.NotifySettings;

/**
 * Reads whom a timer's notifications go to, {@code notify_emails} and {@code notify_webhook_url},
 * as far as this service sends them; null resets to the service's setting.
 */
final class NotifyRecipients {

  static final int MAX_EMAILS = 20;

  private final NotifySettings settings;

  NotifyRecipients(NotifySettings settings) {
    this.settings = settings;
  }

  List<String> emails(Fields f) {
    JsonNode value = f.raw("notify_emails");
    if (value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      f.problem("notify_emails", "must be a list of e-mail addresses");
      return null;
    }
    if (value.size() > MAX_EMAILS) {
      f.problem("notify_emails", "may name at most " + MAX_EMAILS + " addresses");
      return null;
    }
    if (!value.isEmpty() && !settings.mailEnabled()) {
      f.problem("notify_emails", "this service sends no e-mail (its smtp_host is not set)");
      return null;
    }
    List<String> emails = new ArrayList<>();
    for (JsonNode item : value) {
      String problem = item.isTextual() ? EmailAddresses.problemWith(item.asText()) : "";
      if (problem != null) {
        f.problem("notify_emails", problem.isEmpty() ? "must list strings" : problem);
        return null;
      }
      if (!emails.contains(item.asText())) {
        emails.add(item.asText());
      }
    }
    return emails;
  }

  String webhook(Fields f) {
    JsonNode value = f.raw("notify_webhook_url");
    if (value.isNull()) {
      return null;
    }
    String url = f.text("notify_webhook_url", false);
    if (url == null) {
      return null;
    }
    if (url.isEmpty()) {
      return "";
    }
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      f.problem("notify_webhook_url", "must be an http(s) URL, or \"\" for none");
      return null;
    }
    if (!settings.allows(url)) {
      f.problem(
          "notify_webhook_url",
          "this service sends notifications only to the URLs it allows (notify_allowed_urls)");
      return null;
    }
    return url;
  }
}
