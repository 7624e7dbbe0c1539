package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.globustimer.core.timer.EmailAddresses;
import org.globustimer.core.timer.NotifyPolicy;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.server.notify.NotifySettings;

/**
 * Reads a timer's own run timeout and notification settings, the same on v1, v2 and updates: {@code
 * run_timeout} (seconds, 0 for none), {@code notify_on} (events), {@code notify_emails} and {@code
 * notify_webhook_url}. Absent keeps what there is; null goes back to the service's setting.
 */
final class NotifyRequests {

  static final long MAX_RUN_TIMEOUT_SECONDS = 366L * 86_400;
  static final int MAX_EMAILS = 20;

  private final NotifySettings settings;

  NotifyRequests(NotifySettings settings) {
    this.settings = settings;
  }

  /** A timer's own settings, as {@link #apply} puts them on its definition. */
  record Own(Duration runTimeout, NotifyPolicy notifications) {
    static final Own DEFAULT = new Own(null, NotifyPolicy.DEFAULT);

    static Own of(TimerDefinition d) {
      return new Own(d.runTimeout(), d.notifications());
    }

    TimerDefinition applyTo(TimerDefinition d) {
      return d.withRunTimeout(runTimeout).withNotifications(notifications);
    }
  }

  /** {@code current} with the fields given in {@code f}; problems are recorded in {@code f}. */
  Own read(Fields f, Own current) {
    Duration runTimeout =
        given(f, "run_timeout") ? runTimeout(f, current.runTimeout()) : current.runTimeout();
    NotifyPolicy n = current.notifications();
    if (given(f, "notify_on")) {
      n = n.withEvents(events(f));
    }
    if (given(f, "notify_emails")) {
      n = n.withEmails(emails(f));
    }
    if (given(f, "notify_webhook_url")) {
      n = n.withWebhookUrl(webhook(f));
    }
    return new Own(runTimeout, n);
  }

  /** Given, null included: null resets a setting, absence keeps it. */
  private static boolean given(Fields f, String name) {
    return f.raw(name) != null;
  }

  private static Duration runTimeout(Fields f, Duration current) {
    JsonNode value = f.raw("run_timeout");
    if (value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()
        || value.asLong() < 0
        || value.asLong() > MAX_RUN_TIMEOUT_SECONDS) {
      f.problem(
          "run_timeout",
          "must be a whole number of seconds from 0 (no limit) to " + MAX_RUN_TIMEOUT_SECONDS);
      return current;
    }
    return Duration.ofSeconds(value.asLong());
  }

  private static Set<String> events(Fields f) {
    JsonNode value = f.raw("notify_on");
    if (value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      f.problem("notify_on", "must be a list of events: failed, inactive, recovered, succeeded");
      return null;
    }
    Set<String> events = new LinkedHashSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || !NotifyPolicy.EVENTS.contains(item.asText())) {
        f.problem(
            "notify_on",
            "lists "
                + item
                + "; the events are \"failed\", \"inactive\", \"recovered\", \"succeeded\"");
        return null;
      }
      events.add(item.asText());
    }
    return events;
  }

  private List<String> emails(Fields f) {
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

  private String webhook(Fields f) {
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
