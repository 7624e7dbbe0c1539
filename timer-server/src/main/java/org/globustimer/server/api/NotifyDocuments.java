package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.globustimer.core.timer.NotifyPolicy;
import org.globustimer.core.timer.TimerDefinition;

/** A job document's run timeout and notification settings; null where the service's apply. */
final class NotifyDocuments {

  private NotifyDocuments() {}

  static void add(ObjectNode doc, TimerDefinition d) {
    if (d.runTimeout() == null) {
      doc.putNull("run_timeout");
    } else {
      doc.put("run_timeout", d.runTimeout().toSeconds());
    }
    NotifyPolicy n = d.notifications();
    if (n.events() == null) {
      doc.putNull("notify_on");
    } else {
      ArrayNode events = doc.putArray("notify_on");
      n.events().stream().sorted().forEach(events::add);
    }
    if (n.emails() == null) {
      doc.putNull("notify_emails");
    } else {
      ArrayNode emails = doc.putArray("notify_emails");
      n.emails().forEach(emails::add);
    }
    doc.put("notify_webhook_url", n.webhookUrl());
  }
}
