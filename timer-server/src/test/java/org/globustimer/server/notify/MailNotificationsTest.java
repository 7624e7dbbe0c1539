package org.globustimer.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.MailServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E-mail notifications through a real SMTP server: sent once, retried while it is away, shown. */
class MailNotificationsTest {

  @TempDir static Path home;
  static MailServer mail;
  static TestService service;
  static FakeActionProvider provider;
  static Api api;

  @BeforeAll
  static void start() {
    mail = new MailServer();
    Map<String, String> settings = new HashMap<>(mail.settings());
    settings.put("min_interval_seconds", "1");
    settings.put("notify_email_to", "ops@example.org");
    service = TestService.start(home, settings);
    provider = new FakeActionProvider();
    provider.refuseWith = 400;
    api = new Api(service.url(), service.token());
  }

  @AfterAll
  static void stop() {
    service.close();
    provider.close();
    mail.close();
  }

  @Test
  void aFailedRunIsMailedOnceWhileTheMailServerIsAwayItIsRetriedAndShown() throws Exception {
    mail.stop();
    String id = failingTimer("nightly copy");

    JsonNode waiting =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> onlyNotification(id),
                n -> n != null && n.path("attempts").asInt() >= 1 && n.hasNonNull("last_error"));
    assertThat(waiting.path("channel").asText()).isEqualTo("email");
    assertThat(waiting.path("target").asText()).isEqualTo("ops@example.org");
    assertThat(waiting.path("state").asText()).isEqualTo("pending");
    assertThat(waiting.path("last_error").asText()).startsWith("the mail server did not take it");
    assertThat(waiting.hasNonNull("next_attempt_at")).isTrue();

    mail.startAgain();
    JsonNode delivered =
        await()
            .atMost(Duration.ofSeconds(40))
            .until(() -> onlyNotification(id), n -> "delivered".equals(n.path("state").asText()));
    assertThat(delivered.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(delivered.path("last_error").isNull()).isTrue();

    List<MimeMessage> received = mail.received();
    assertThat(received).hasSize(1);
    MimeMessage message = received.getFirst();
    assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("ops@example.org");
    assertThat(message.getFrom()[0].toString()).isEqualTo(MailServer.FROM);
    assertThat(message.getSubject()).isEqualTo("[globus-timer] nightly copy: a run failed");
    assertThat(message.getHeader("X-Globus-Timer-Notification")[0])
        .isEqualTo(delivered.path("notification_id").asText());
    String text = message.getContent().toString();
    assertThat(text)
        .contains("Timer \"nightly copy\" (" + id + "): a run failed.")
        .contains("Reason: ")
        .contains("refused the request (400)")
        .contains("/dashboard/#/timers/" + id);
  }

  private static String failingTimer(String name) {
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \""
                + name
                + "\", \"start\": \""
                + Instant.now()
                + "\", \"callback_url\": \""
                + provider.runUrl()
                + "\", \"callback_body\": {\"body\": {}}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  private static JsonNode onlyNotification(String id) {
    JsonNode list = api.get("/jobs/" + id + "/notifications").body().path("notifications");
    assertThat(list.size()).as(list.toString()).isLessThanOrEqualTo(1);
    return list.isEmpty() ? null : list.get(0);
  }
}
