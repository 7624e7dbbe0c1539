package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
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

  private final NotifyRecipients recipients;

  NotifyRequests(NotifySettings settings) {
    this.recipients = new NotifyRecipients(settings);
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
      n = n.withEmails(recipients.emails(f));
    }
    if (given(f, "notify_webhook_url")) {
      n = n.withWebhookUrl(recipients.webhook(f));
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
}
