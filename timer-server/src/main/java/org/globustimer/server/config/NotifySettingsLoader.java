package org.globustimer.server.config;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.globustimer.core.timer.EmailAddresses;
import org.globustimer.server.notify.NotifySettings;
import org.globustimer.server.notify.SmtpSettings;

/** Reads the notification settings: webhook, events, e-mail recipients and the mail server. */
final class NotifySettingsLoader {

  static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("notify_webhook_url", ""),
          Map.entry("notify_webhook_secret", ""),
          Map.entry("notify_on", NotifySettings.DEFAULT_EVENTS),
          Map.entry("notify_allowed_urls", ""),
          Map.entry("notify_max_attempts", "12"),
          Map.entry("notify_email_to", ""),
          Map.entry("smtp_host", ""),
          Map.entry("smtp_port", "587"),
          Map.entry("smtp_security", "starttls"),
          Map.entry("smtp_user", ""),
          Map.entry("smtp_password", ""),
          Map.entry("smtp_from", ""));

  private NotifySettingsLoader() {}

  static NotifySettings build(Map<String, String> v) {
    String url = v.get("notify_webhook_url").trim();
    if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
      throw new SettingsException("notify_webhook_url must be an http(s) URL, not '" + url + "'");
    }
    Set<String> events = new LinkedHashSet<>();
    for (String event : SettingValues.list(v.get("notify_on"))) {
      if (!NotifySettings.EVENTS.contains(event)) {
        throw new SettingsException(
            "notify_on lists '"
                + event
                + "'; the events are failed, inactive, recovered, succeeded");
      }
      events.add(event);
    }
    List<String> emails = SettingValues.list(v.get("notify_email_to"));
    for (String address : emails) {
      String problem = EmailAddresses.problemWith(address);
      if (problem != null) {
        throw new SettingsException("notify_email_to: " + problem);
      }
    }
    SmtpSettings smtp = smtp(v);
    if (!emails.isEmpty() && !smtp.enabled()) {
      throw new SettingsException("notify_email_to needs a mail server: set smtp_host");
    }
    NotifySettings settings =
        new NotifySettings(
            url,
            v.get("notify_webhook_secret").getBytes(StandardCharsets.UTF_8),
            Set.copyOf(events),
            SettingValues.list(v.get("notify_allowed_urls")),
            SettingValues.intValue(v, "notify_max_attempts", 1, 100),
            emails,
            smtp);
    if (!url.isEmpty() && !settings.allows(url)) {
      throw new SettingsException("notify_webhook_url is not among notify_allowed_urls");
    }
    return settings;
  }

  private static SmtpSettings smtp(Map<String, String> v) {
    String host = v.get("smtp_host").trim();
    String security = v.get("smtp_security").trim().toLowerCase(java.util.Locale.ROOT);
    if (!Set.of("starttls", "tls", "none").contains(security)) {
      throw new SettingsException(
          "smtp_security must be starttls, tls or none, not '" + v.get("smtp_security") + "'");
    }
    String from = v.get("smtp_from").trim();
    if (!host.isEmpty()) {
      if (from.isEmpty()) {
        throw new SettingsException("smtp_from must be set with smtp_host: the sender's address");
      }
      String problem = EmailAddresses.problemWith(from);
      if (problem != null) {
        throw new SettingsException("smtp_from: " + problem);
      }
    }
    String user = v.get("smtp_user").trim();
    if (!user.isEmpty() && security.equals("none") && !isLoopback(host)) {
      throw new SettingsException(
          "smtp_user with smtp_security none would send the password in the clear; use starttls"
              + " or tls");
    }
    return new SmtpSettings(
        host,
        SettingValues.intValue(v, "smtp_port", 1, 65_535),
        security,
        user,
        v.get("smtp_password"),
        from);
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
  }
}
