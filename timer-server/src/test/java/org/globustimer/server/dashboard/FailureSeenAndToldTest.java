package org.globustimer.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.core.json.Json;
import org.globustimer.server.notify.Webhooks;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.HeadlessBrowser;
import org.globustimer.server.testkit.MailServer;
import org.globustimer.server.testkit.TestService;
import org.globustimer.server.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * From outside: a timer whose provider fails is shown failed with its reason in the dashboard (in
 * headless Chromium), its failure is told once by a signed webhook and once by e-mail, the metrics
 * count it, and a run hung past its timer's run_timeout ends failed while the next tick fires.
 */
class FailureSeenAndToldTest {

  static final String SECRET = "receiver-secret";

  @TempDir static Path home;
  static MailServer mail;
  static WebhookReceiver receiver;
  static FakeActionProvider working;
  static FakeActionProvider broken;
  static FakeActionProvider hanging;
  static TestService service;
  static Api api;

  @BeforeAll
  static void start() {
    mail = new MailServer();
    receiver = new WebhookReceiver();
    Map<String, String> settings = new HashMap<>(mail.settings());
    settings.put("min_interval_seconds", "1");
    settings.put("notify_webhook_secret", SECRET);
    settings.put("notify_allowed_urls", receiver.prefix());
    service = TestService.start(home, settings);
    api = new Api(service.url(), service.token());
    working = new FakeActionProvider();
    broken = new FakeActionProvider();
    broken.refuseWith = 400;
    hanging = new FakeActionProvider();
    hanging.actionDuration = Duration.ofHours(1);
  }

  @AfterAll
  static void stop() {
    service.close();
    working.close();
    broken.close();
    hanging.close();
    receiver.close();
    mail.close();
  }

  @Test
  void aFailureIsShownToldOnceByWebhookAndMailAndCountedAndAHungRunEndsAtItsTimeout()
      throws Exception {
    String told = "\"notify_webhook_url\": \"" + receiver.url() + "\"";
    String nightly = create("nightly copy", working.runUrl(), 28800, told);
    String failing =
        create(
            "broken provider",
            broken.runUrl(),
            28800,
            told + ", \"notify_emails\": [\"ops@example.org\"], \"notify_on\": [\"failed\"]");
    String hung = create("hangs", hanging.runUrl(), 4, told + ", \"run_timeout\": 2");

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> delivered(failing) && hanging.submissions().size() >= 2);

    // One signed webhook and one e-mail for the failed run.
    List<WebhookReceiver.Delivery> forFailing =
        receiver.deliveries().stream().filter(d -> d.body().contains(failing)).toList();
    assertThat(forFailing).hasSize(1);
    WebhookReceiver.Delivery hook = forFailing.getFirst();
    assertThat(hook.event()).isEqualTo("failed");
    assertThat(hook.signature())
        .isEqualTo("sha256=" + Webhooks.sign(SECRET.getBytes(), hook.timestamp(), hook.body()));
    JsonNode payload = Json.mapper().readTree(hook.body());
    assertThat(payload.path("reason").asText()).contains("refused the request (400)");
    List<MimeMessage> mails = mail.received();
    assertThat(mails).hasSize(1);
    assertThat(mails.getFirst().getSubject()).contains("broken provider").contains("failed");
    assertThat(receiver.deliveries().stream().filter(d -> d.body().contains(nightly))).isEmpty();

    // The hung run ended at the timer's own timeout, was told, and the next tick fired.
    JsonNode runs = api.get("/jobs/" + hung + "?page_size=10").body().path("results").path("data");
    JsonNode first = runs.get(runs.size() - 1);
    assertThat(first.path("run_status").asText()).isEqualTo("FAILED");
    assertThat(first.path("errors").get(0).asText())
        .startsWith("timed out: still ACTIVE")
        .contains("the timer's run timeout of 2 s (run_timeout)")
        .contains("cancelled at the provider");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                receiver.deliveries().stream()
                    .anyMatch(d -> d.body().contains(hung) && d.body().contains("timed out")));

    String metrics = new Api(service.url(), null).get("/metrics").raw();
    assertThat(metrics)
        .containsPattern("globus_timer_firings_total\\{outcome=\"failed\"\\} [1-9]")
        .containsPattern("globus_timer_firings_total\\{outcome=\"succeeded\"\\} [1-9]")
        .containsPattern("globus_timer_runs_finished_total\\{outcome=\"failed\"\\} [2-9]");

    try (HeadlessBrowser browser = new HeadlessBrowser()) {
      browser.open(service.url() + "/dashboard/");
      browser.find(By.id("token")).sendKeys(service.token(), Keys.ENTER);
      browser.untilText(By.id("timer-table"), "broken provider");
      String row =
          browser.find(By.cssSelector("#timer-table tr[data-job-id='" + failing + "']")).getText();
      assertThat(row).contains("Failed").contains("refused by the fake provider");
      browser.screenshot("told-timers");
      browser.find(By.linkText("broken provider")).click();
      browser.untilText(By.id("notifications"), "ops@example.org");
      String sent = browser.find(By.id("notifications")).getText();
      assertThat(sent).contains("failed").contains("email").contains("webhook");
      assertThat(browser.find(By.id("definition")).getText())
          .contains("ops@example.org")
          .contains(receiver.url());
      browser.screenshot("told-timer-notifications");
    }
  }

  private static boolean delivered(String id) {
    JsonNode sent = api.get("/jobs/" + id + "/notifications").body().path("notifications");
    return sent.size() == 2
        && sent.findValuesAsText("state").stream().allMatch("delivered"::equals);
  }

  private static String create(String name, String url, int interval, String fields) {
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \""
                + name
                + "\", \"start\": \""
                + Instant.now()
                + "\", \"interval\": "
                + interval
                + ", \"callback_url\": \""
                + url
                + "\", \"callback_body\": {\"body\": {}}, "
                + fields
                + "}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }
}
