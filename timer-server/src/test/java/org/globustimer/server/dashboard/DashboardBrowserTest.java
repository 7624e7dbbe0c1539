package org.globustimer.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.HeadlessBrowser;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The dashboard in a real headless Chromium against the real service on a real port. */
class DashboardBrowserTest {

  @TempDir static Path home;
  static TestService service;
  static FakeActionProvider working;
  static FakeActionProvider broken;
  static Api api;
  static String nightly;
  static String failing;

  @BeforeAll
  static void start() {
    service = TestService.start(home, Map.of("min_interval_seconds", "1"));
    working = new FakeActionProvider();
    broken = new FakeActionProvider();
    broken.refuseWith = 400;
    api = new Api(service.url(), service.token());
    nightly = create("nightly copy", working.runUrl());
    failing = create("broken provider", broken.runUrl());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "SUCCEEDED".equals(lastRunStatus(nightly)) && lastRunStatus(failing) != null);
  }

  @AfterAll
  static void stop() {
    service.close();
    working.close();
    broken.close();
  }

  private static String create(String name, String url) {
    Api.Answer created =
        api.post(
            "/jobs",
            "{\"name\": \""
                + name
                + "\", \"start\": \""
                + Instant.now()
                + "\", \"interval\": 28800, \"callback_url\": \""
                + url
                + "\", \"callback_body\": {\"body\": {\"x\": 1}}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  private static String lastRunStatus(String id) {
    var data = api.get("/jobs/" + id).body().path("results").path("data");
    return data.isEmpty() ? null : data.get(0).path("run_status").asText();
  }

  private static String status(String id) {
    return api.get("/jobs/" + id).body().get("status").asText();
  }

  @Test
  void signInListTimerPauseAndResume() {
    try (HeadlessBrowser browser = new HeadlessBrowser()) {
      browser.open(service.url() + "/dashboard/");
      WebElement token = browser.find(By.id("token"));
      assertThat(browser.driver().getCurrentUrl()).doesNotContain(service.token());
      token.sendKeys(service.token(), Keys.ENTER);

      String table = browser.untilText(By.id("timer-table"), "broken provider");
      browser.screenshot("dashboard-timers");
      assertThat(browser.driver().getCurrentUrl()).doesNotContain(service.token());
      WebElement failedRow = row(browser, failing);
      assertThat(failedRow.getText())
          .contains("every 8 h from")
          .contains("Active")
          .contains("Failed")
          .contains("refused by the fake provider");
      assertThat(failedRow.findElement(By.cssSelector(".outcome.failed")).getText())
          .isEqualTo("Failed");
      assertThat(row(browser, nightly).getText()).contains("Succeeded").contains("every 8 h from");
      assertThat(table).contains("nightly copy");
      assertEveryControlIsLabelled(browser);

      WebElement search = browser.find(By.id("search"));
      search.sendKeys("broken");
      browser.until(d -> d.findElements(By.cssSelector("#timer-table tbody tr")).size() == 1);
      assertThat(browser.find(By.id("timer-table")).getText()).doesNotContain("nightly copy");
      search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      browser.untilText(By.id("timer-table"), "nightly copy");
      new Select(browser.find(By.id("filter-status"))).selectByVisibleText("Paused");
      browser.until(d -> !d.findElement(By.id("timers")).getText().contains("nightly copy"));
      assertThat(browser.find(By.id("timers")).getText()).doesNotContain("broken provider");
      new Select(browser.find(By.id("filter-status"))).selectByVisibleText("Any status");
      browser.untilText(By.id("timer-table"), "nightly copy");

      browser.find(By.linkText("nightly copy")).click();
      browser.untilText(By.id("timer-name"), "nightly copy");
      assertThat(browser.find(By.id("definition")).getText())
          .contains(nightly)
          .contains("every 8 h from")
          .contains(working.runUrl());
      assertThat(browser.untilText(By.id("history"), "Succeeded")).contains("HTTP");
      List<WebElement> nextRuns =
          browser.until(d -> d.findElements(By.cssSelector("#next-runs li")));
      assertThat(nextRuns).hasSize(5);
      browser.screenshot("dashboard-timer");

      browser.find(By.id("pause")).click();
      assertThat(browser.untilText(By.id("confirm"), "Pause nightly copy?")).isNotBlank();
      browser.screenshot("dashboard-confirm-pause");
      browser.find(By.id("confirm-ok")).click();
      browser.untilText(By.id("timer-status"), "Paused");
      assertThat(browser.find(By.id("timer-status")).getText()).contains("paused by its owner");
      assertThat(status(nightly)).isEqualTo("inactive");
      assertThat(browser.find(By.id("next-runs")).getText()).contains("None scheduled");
      browser.screenshot("dashboard-paused");

      browser.find(By.id("resume")).click();
      browser.find(By.id("confirm-ok")).click();
      browser.untilText(By.id("timer-status"), "Active");
      assertThat(status(nightly)).isEqualTo("loaded");
      browser.screenshot("dashboard-resumed");

      int submitted = working.submissions().size();
      browser.find(By.id("run-now")).click();
      browser.find(By.id("confirm-ok")).click();
      browser.untilText(By.id("notice"), "Run started");
      await().atMost(Duration.ofSeconds(20)).until(() -> working.submissions().size() > submitted);

      browser.find(By.id("delete")).click();
      browser.find(By.id("confirm-cancel")).click();
      browser.until(d -> !d.findElement(By.id("confirm")).isDisplayed());
      assertThat(status(nightly)).isEqualTo("loaded");
    }
  }

  @Test
  void theKeyboardAloneSignsInAndPausesATimer() {
    String id = create("keyboard only", working.runUrl());
    try (HeadlessBrowser browser = new HeadlessBrowser()) {
      browser.open(service.url() + "/dashboard/#/timers/" + id);
      browser.find(By.id("token"));
      // The sign-in field has the focus when the page opens.
      browser.driver().switchTo().activeElement().sendKeys(service.token(), Keys.ENTER);
      browser.untilText(By.id("timer-table"), "keyboard only");
      browser.find(By.linkText("keyboard only")).sendKeys(Keys.ENTER);
      browser.find(By.id("pause")).sendKeys(Keys.ENTER);
      browser.find(By.id("confirm-ok"));
      // The dialog opens on Cancel: Tab moves to Confirm.
      assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
          .isEqualTo("confirm-cancel");
      browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
      browser.untilText(By.id("timer-status"), "Paused");
      assertThat(status(id)).isEqualTo("inactive");
    }
  }

  @Test
  void aWrongTokenIsRefusedWithAMessage() {
    try (HeadlessBrowser browser = new HeadlessBrowser()) {
      browser.open(service.url() + "/dashboard/");
      browser.find(By.id("token")).sendKeys("not-a-token", Keys.ENTER);
      assertThat(browser.untilText(By.id("notice"), "not valid")).contains("try again");
      assertThat(browser.driver().manage().getCookieNamed(DashboardSessions.COOKIE)).isNull();
    }
  }

  private static WebElement row(HeadlessBrowser browser, String id) {
    return browser.find(By.cssSelector("tr[data-job-id='" + id + "']"));
  }

  /** Every form control has a label (or an aria-label) and every button says what it does. */
  private static void assertEveryControlIsLabelled(HeadlessBrowser browser) {
    Object unlabelled =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return [...document.querySelectorAll('input, select, textarea, button')]"
                    + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                    + " && !(e.tagName === 'BUTTON' && e.textContent.trim()))"
                    + ".map(e => e.outerHTML)");
    assertThat((List<?>) unlabelled).isEmpty();
  }
}
