package org.globustimer.server.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free loopback port, with one account the service logs in as;
 * it can be stopped and started again on the same port to play a mail server that is away.
 */
public final class MailServer implements AutoCloseable {

  public static final String USER = "alerts";
  public static final String PASSWORD = "alerts-password";
  public static final String FROM = "timers@example.org";

  private final int port;
  private GreenMail server;

  public MailServer() {
    GreenMail first = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
    first.setUser(FROM, USER, PASSWORD);
    first.start();
    this.server = first;
    this.port = first.getSmtp().getPort();
  }

  public int port() {
    return port;
  }

  /** The settings that send the service's mail here. */
  public Map<String, String> settings() {
    return Map.of(
        "smtp_host",
        "127.0.0.1",
        "smtp_port",
        String.valueOf(port),
        "smtp_security",
        "none",
        "smtp_user",
        USER,
        "smtp_password",
        PASSWORD,
        "smtp_from",
        FROM);
  }

  public List<MimeMessage> received() {
    return List.of(server.getReceivedMessages());
  }

  public void stop() {
    server.stop();
  }

  public void startAgain() {
    GreenMail again = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    again.setUser(FROM, USER, PASSWORD);
    again.start();
    server = again;
  }

  @Override
  public void close() {
    server.stop();
  }
}
