package org.globustimer.server.notify;

/**
 * The mail server notifications are sent through: {@code security} is {@code starttls} (upgrade the
 * connection, and refuse to send without it), {@code tls} (TLS from the first byte, usually port
 * 465) or {@code none}; {@code user} empty sends without logging in.
 */
public record SmtpSettings(
    String host, int port, String security, String user, String password, String from) {

  public static final SmtpSettings NONE = new SmtpSettings("", 587, "starttls", "", "", "");

  public boolean enabled() {
    return !host.isBlank();
  }
}
