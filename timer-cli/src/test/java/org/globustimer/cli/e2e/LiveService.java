package org.globustimer.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.globustimer.cli.CliRun;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real service per test class on a loopback port. Its user home (the root that posix endpoints
 * must live under) is a temporary directory, so tests never touch the real one.
 */
abstract class LiveService {

  @TempDir static Path scratch;

  static TestService service;
  private static String savedUserHome;

  @BeforeAll
  static void startService() throws IOException {
    savedUserHome = System.getProperty("user.home");
    Path userHome = Files.createDirectories(scratch.resolve("user"));
    System.setProperty("user.home", userHome.toString());
    service = TestService.start(scratch.resolve("service"), Map.of());
  }

  @AfterAll
  static void stopService() {
    if (service != null) {
      service.close();
    }
    System.setProperty("user.home", savedUserHome);
  }

  /** The user's home as the service sees it; posix endpoints go below it. */
  static Path userHome() {
    return Path.of(System.getProperty("user.home"));
  }

  /** The CLI pointed at the service the way the seed's users did: TIMER_SERVICE_URL. */
  static CliRun cli() {
    return new CliRun(scratch.resolve("cli"))
        .env("TIMER_SERVICE_URL", service.url())
        .env("GLOBUS_TIMER_TOKEN", service.token());
  }

  static Path directory(String name) {
    try {
      return Files.createDirectories(userHome().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of a {@code Key: value} line of a summary. */
  static String field(String summary, String key) {
    return summary
        .lines()
        .filter(line -> line.startsWith(key + ":"))
        .map(line -> line.substring(key.length() + 1).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in\n" + summary));
  }
}
