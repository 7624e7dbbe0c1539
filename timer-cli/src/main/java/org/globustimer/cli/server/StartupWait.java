package org.globustimer.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.globustimer.cli.CliException;

/** Waits for a starting local service to answer, and says why when it does not. */
final class StartupWait {

  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final LocalService local;

  StartupWait(LocalService local) {
    this.local = local;
  }

  /** Waits for the service to answer; {@code process} is the one just started, or null. */
  ServerState await(Process process) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<LocalService.Running> running = local.running();
      if (running.isPresent()) {
        return running.get().state();
      }
      if (process != null && !process.isAlive() && local.recorded().isEmpty()) {
        throw new CliException(
            "the local service exited during start-up (code "
                + process.exitValue()
                + "); see "
                + local.logFile()
                + lastLogLine());
      }
      sleep(Duration.ofMillis(100));
    }
    throw new CliException(
        "the local service did not answer within "
            + START_TIMEOUT.toSeconds()
            + " s; see "
            + local.logFile());
  }

  private String lastLogLine() {
    try {
      List<String> lines = Files.readAllLines(local.logFile());
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return ": " + lines.get(i).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the log is only a hint
    }
    return "";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }
}
