package org.globustimer.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.globustimer.core.timer.NotifyPolicy;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whom a timer's notifications go to and which events it wants: its own settings, else ours. */
final class NotifyTargets {

  // Logged under the name of the outbox, as it always was.
  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotifySettings settings;

  NotifyTargets(NotifySettings settings) {
    this.settings = settings;
  }

  /** The targets of a timer's notifications: its webhook and its e-mail addresses. */
  List<String> of(TimerRow timer) {
    NotifyPolicy own = timer.definition().notifications();
    List<String> targets = new ArrayList<>();
    String webhook = own.webhookUrl() != null ? own.webhookUrl() : settings.webhookUrl();
    if (!webhook.isBlank()) {
      if (settings.allows(webhook)) {
        targets.add(webhook);
      } else {
        log.warn(
            "timer {}: notifications may not go to {} (notify_allowed_urls)", timer.id(), webhook);
      }
    }
    if (settings.mailEnabled()) {
      List<String> emails = own.emails() != null ? own.emails() : settings.emails();
      emails.forEach(address -> targets.add(Notifications.MAILTO + address));
    }
    return targets;
  }

  /** Whether the timer asks to be told of {@code event}. */
  boolean wants(TimerRow timer, String event) {
    Set<String> events = timer.definition().notifications().events();
    return (events != null ? events : settings.events()).contains(event)
        && wantedByBody(timer, event);
  }

  /** A transfer body's notify_on_* flags (true unless set false) can switch an event off. */
  private static boolean wantedByBody(TimerRow timer, String event) {
    if (timer.definition().type() != TimerType.TRANSFER || event.equals("recovered")) {
      return true;
    }
    JsonNode flag = Payloads.parse(timer.definition().body()).path("notify_on_" + event);
    return !(flag.isBoolean() && !flag.asBoolean());
  }
}
