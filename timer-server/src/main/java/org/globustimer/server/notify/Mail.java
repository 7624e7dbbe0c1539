package org.globustimer.server.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.globustimer.server.store.NotificationRow;

/**
 * Sends notifications as e-mail through the configured SMTP server, one message per recipient; the
 * server accepting the message is a delivery. Timeouts keep one attempt under 40 s.
 */
final class Mail implements Channel {

  private static final String TIMEOUT_MS = "10000";

  private final SmtpSettings smtp;
  private final Session session;

  Mail(SmtpSettings smtp) {
    this.smtp = smtp;
    this.session = Session.getInstance(properties(smtp));
  }

  static Properties properties(SmtpSettings smtp) {
    boolean tls = smtp.security().equals("tls");
    String protocol = tls ? "smtps" : "smtp";
    Properties p = new Properties();
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", smtp.host());
    p.put("mail." + protocol + ".port", String.valueOf(smtp.port()));
    p.put("mail." + protocol + ".auth", String.valueOf(!smtp.user().isEmpty()));
    p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
    p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
    p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
    p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    if (smtp.security().equals("starttls")) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    return p;
  }

  @Override
  public String send(NotificationRow n) {
    if (!smtp.enabled()) {
      return "this service sends no e-mail: smtp_host is not set";
    }
    String to = n.target().substring(Notifications.MAILTO.length());
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from(), true));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      MailText text = MailText.of(n.payload());
      message.setSubject(text.subject(), "UTF-8");
      message.setText(text.body(), "UTF-8");
      message.setSentDate(new Date());
      message.setHeader("X-Globus-Timer-Event", n.event());
      message.setHeader("X-Globus-Timer-Notification", n.id().toString());
      try (Transport transport = session.getTransport()) {
        if (smtp.user().isEmpty()) {
          transport.connect();
        } else {
          transport.connect(smtp.user(), smtp.password());
        }
        transport.sendMessage(message, message.getAllRecipients());
      }
      return null;
    } catch (AddressException e) {
      return "not an e-mail address: " + e.getMessage();
    } catch (MessagingException e) {
      return "the mail server did not take it: " + oneLine(e);
    }
  }

  private static String oneLine(MessagingException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null) {
      text.append(" (").append(cause.getMessage()).append(")");
    }
    return text.toString().replaceAll("\\s+", " ").trim();
  }
}
