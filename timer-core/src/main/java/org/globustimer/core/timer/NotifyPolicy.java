package org.globustimer.core.timer;

import java.util.List;
import java.util.Set;

/**
 * Whom a timer tells of its events and which: {@code events} among {@link #EVENTS}, {@code emails}
 * to write to, {@code webhookUrl} to POST to. A null field takes the service's setting; an empty
 * one means none.
 */
public record NotifyPolicy(Set<String> events, List<String> emails, String webhookUrl) {

  public static final Set<String> EVENTS = Set.of("failed", "inactive", "recovered", "succeeded");

  /** Everything as the service is set up. */
  public static final NotifyPolicy DEFAULT = new NotifyPolicy(null, null, null);

  public NotifyPolicy {
    events = events == null ? null : Set.copyOf(events);
    emails = emails == null ? null : List.copyOf(emails);
  }

  public NotifyPolicy withEvents(Set<String> newEvents) {
    return new NotifyPolicy(newEvents, emails, webhookUrl);
  }

  public NotifyPolicy withEmails(List<String> newEmails) {
    return new NotifyPolicy(events, newEmails, webhookUrl);
  }

  public NotifyPolicy withWebhookUrl(String newUrl) {
    return new NotifyPolicy(events, emails, newUrl);
  }
}
