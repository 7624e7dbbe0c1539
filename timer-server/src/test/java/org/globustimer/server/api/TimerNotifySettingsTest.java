package org.globustimer.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.MailServer;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timer's own run timeout and notification settings: set, shown, changed, reset, refused. */
class TimerNotifySettingsTest {

  static final String HOOKS = "https://hooks.example/";

  @TempDir static Path home;
  static MailServer mail;
  static TestService service;
  static Api api;

  @BeforeAll
  static void start() {
    mail = new MailServer();
    Map<String, String> settings = new HashMap<>(mail.settings());
    settings.put("notify_allowed_urls", HOOKS);
    service = TestService.start(home, settings);
    api = new Api(service.url(), service.token());
  }

  @AfterAll
  static void stop() {
    service.close();
    mail.close();
  }

  @Test
  void settingsGivenOnCreateAreShownChangedAndResetToTheServiceDefaults() {
    Api.Answer created =
        api.post(
            "/jobs",
            job(
                "\"run_timeout\": 3600, \"notify_on\": [\"failed\", \"succeeded\"],"
                    + " \"notify_emails\": [\"ops@example.org\", \"ops@example.org\"],"
                    + " \"notify_webhook_url\": \""
                    + HOOKS
                    + "t1\""));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode job = created.body();
    assertThat(job.get("run_timeout").asInt()).isEqualTo(3600);
    assertThat(job.get("notify_on").toString()).isEqualTo("[\"failed\",\"succeeded\"]");
    assertThat(job.get("notify_emails").toString()).isEqualTo("[\"ops@example.org\"]");
    assertThat(job.get("notify_webhook_url").asText()).isEqualTo(HOOKS + "t1");
    String path = "/jobs/" + job.get("job_id").asText();

    Api.Answer changed =
        api.patch(path, "{\"run_timeout\": 0, \"notify_on\": [], \"notify_webhook_url\": \"\"}");
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    JsonNode shown = api.get(path).body();
    assertThat(shown.get("run_timeout").asInt()).isZero();
    assertThat(shown.get("notify_on").isEmpty()).isTrue();
    assertThat(shown.get("notify_emails").toString()).isEqualTo("[\"ops@example.org\"]");
    assertThat(shown.get("notify_webhook_url").asText()).isEmpty();

    Api.Answer reset =
        api.patch(
            path,
            "{\"run_timeout\": null, \"notify_on\": null, \"notify_emails\": null,"
                + " \"notify_webhook_url\": null}");
    assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
    shown = api.get(path).body();
    for (String field : new String[] {"run_timeout", "notify_on", "notify_emails"}) {
      assertThat(shown.get(field).isNull()).as(field).isTrue();
    }
    assertThat(shown.get("notify_webhook_url").isNull()).isTrue();
  }

  @Test
  void aTransferTimerTakesTheSettingsInsideTheTimer() {
    Api.Answer created =
        api.post(
            "/v2/timer",
            "{\"timer\": {\"name\": \"nightly\", \"timer_type\": \"transfer\", \"schedule\":"
                + " {\"type\": \"once\"}, \"run_timeout\": 60, \"notify_on\": [\"failed\"],"
                + " \"notify_emails\": [\"lab@example.org\"], \"body\": {\"source_endpoint\":"
                + " \"ddb59aef-6d04-11e5-ba46-22000b92c6ec\", \"destination_endpoint\":"
                + " \"ddb59af0-6d04-11e5-ba46-22000b92c6ec\", \"notify_on_failed\": false,"
                + " \"DATA\": [{\"source_path\": \"/nope/a\", \"destination_path\": \"/nope/b\"}]}}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode timer = created.body().get("timer");
    assertThat(timer.get("run_timeout").asInt()).isEqualTo(60);
    assertThat(timer.get("notify_emails").toString()).isEqualTo("[\"lab@example.org\"]");
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertRefused("\"run_timeout\": -1", "run_timeout", "whole number of seconds");
    assertRefused("\"run_timeout\": \"1h\"", "run_timeout", "whole number of seconds");
    assertRefused("\"notify_on\": [\"sometimes\"]", "notify_on", "the events are");
    assertRefused("\"notify_on\": \"failed\"", "notify_on", "must be a list");
    assertRefused(
        "\"notify_emails\": [\"Ops <ops@example.org>\"]", "notify_emails", "plain e-mail address");
    assertRefused("\"notify_emails\": [\"a@b.org,c@d.org\"]", "notify_emails", "plain e-mail");
    assertRefused(
        "\"notify_webhook_url\": \"https://elsewhere.example/hook\"",
        "notify_webhook_url",
        "notify_allowed_urls");
    assertRefused("\"notify_webhook_url\": \"ftp://hooks.example/\"", "notify_webhook_url", "http");
  }

  private static void assertRefused(String fields, String field, String message) {
    Api.Answer answer = api.post("/jobs", job(fields));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
    JsonNode problem = answer.body().get("detail").get(0);
    assertThat(problem.get("loc").toString()).contains("\"" + field + "\"");
    assertThat(problem.get("msg").asText()).contains(message);
  }

  private static String job(String fields) {
    return "{\"name\": \"watched\", \"interval\": 3600, \"callback_url\":"
        + " \"https://actions.example/run\", \"callback_body\": {\"body\": {}}, "
        + fields
        + "}";
  }
}
