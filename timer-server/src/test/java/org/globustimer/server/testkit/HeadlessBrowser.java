package org.globustimer.server.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver through Selenium, with a profile of its
 * own that is thrown away afterwards. Screenshots go beside the test reports, in {@code
 * target/surefire-reports/screenshots/}.
 */
public final class HeadlessBrowser implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "surefire-reports", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Path profile;
  private final ChromeDriver driver;

  public HeadlessBrowser() {
    String chromium = binary("GLOBUS_TIMER_TEST_CHROMIUM", "/usr/bin/chromium");
    String chromedriver = binary("GLOBUS_TIMER_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--lang=en-US",
            "--window-size=1280,900",
            "--user-data-dir=" + profile));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  private static String binary(String variable, String fallback) {
    String path = System.getenv().getOrDefault(variable, fallback);
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(
          path
              + " is missing: the browser tests need Debian's chromium and chromium-driver"
              + " (apt-get install chromium chromium-driver; .ci/run installs them), or "
              + variable
              + " naming another binary");
    }
    return path;
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(By by) {
    return until(d -> d.findElement(by).isDisplayed() ? d.findElement(by) : null);
  }

  /** Waits until {@code condition} gives something other than null or false, and answers it. */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** Waits until the element's text contains {@code text}, and answers the whole text. */
  public String untilText(By by, String text) {
    return until(
        d -> {
          String shown = d.findElement(by).getText();
          return shown.contains(text) ? shown : null;
        });
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      Trees.delete(profile);
    }
  }
}
