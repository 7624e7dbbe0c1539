package org.globustimer.server.notify;

import java.util.List;
import java.util.Set;

/**
 * Where and when the service sends notifications: the webhook every event goes to, the secret it
 * signs them with, which events are sent ({@code failed}, {@code inactive}, {@code recovered},
 * {@code succeeded}), the URL prefixes a webhook may have (empty: the configured one only) and how
 * many delivery attempts a notification gets before it is given up.
 */
public record NotifySettings(
    String webhookUrl,
    byte[] secret,
    Set<String> events,
    List<String> allowedUrls,
    int maxAttempts) {

  public static final Set<String> EVENTS = Set.of("failed", "inactive", "recovered", "succeeded");
  public static final String DEFAULT_EVENTS = "failed,inactive,recovered";

  public static NotifySettings none() {
    return new NotifySettings("", new byte[0], Set.of(), List.of(), 12);
  }

  public boolean enabled() {
    return !webhookUrl.isBlank() && !events.isEmpty();
  }

  /** Whether notifications may go to {@code url}. */
  public boolean allows(String url) {
    if (allowedUrls.isEmpty()) {
      return url.equals(webhookUrl);
    }
    return allowedUrls.stream().anyMatch(url::startsWith);
  }
}
