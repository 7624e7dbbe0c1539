package org.globustimer.server.notify;

import java.util.List;
import java.util.Set;
import org.globustimer.core.timer.NotifyPolicy;

/**
 * Where and when the service sends notifications unless a timer says otherwise: the webhook every
 * event goes to, the secret webhooks are signed with, which events are sent ({@code failed}, {@code
 * inactive}, {@code recovered}, {@code succeeded}), the URL prefixes a webhook may have (empty: the
 * configured one only), how many delivery attempts a notification gets before it is given up, the
 * addresses e-mail goes to, and the mail server that sends it.
 */
public record NotifySettings(
    String webhookUrl,
    byte[] secret,
    Set<String> events,
    List<String> allowedUrls,
    int maxAttempts,
    List<String> emails,
    SmtpSettings smtp) {

  public static final Set<String> EVENTS = NotifyPolicy.EVENTS;
  public static final String DEFAULT_EVENTS = "failed,inactive,recovered";

  public NotifySettings {
    emails = emails == null ? List.of() : List.copyOf(emails);
    smtp = smtp == null ? SmtpSettings.NONE : smtp;
  }

  public static NotifySettings none() {
    return new NotifySettings("", new byte[0], Set.of(), List.of(), 12, List.of(), null);
  }

  /** Whether e-mail can be sent at all: a mail server is set. */
  public boolean mailEnabled() {
    return smtp.enabled();
  }

  /** Whether notifications may go to {@code url}. */
  public boolean allows(String url) {
    if (allowedUrls.isEmpty()) {
      return url.equals(webhookUrl);
    }
    return allowedUrls.stream().anyMatch(url::startsWith);
  }
}
