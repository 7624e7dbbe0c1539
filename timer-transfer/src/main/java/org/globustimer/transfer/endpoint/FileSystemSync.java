package org.globustimer.transfer.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.globustimer.transfer.TransferException;

/**
 * One flush of a whole file system ({@code syncfs}), through coreutils' {@code sync --file-system}:
 * Java has no call for it. Where it is missing, or does not work, files are flushed one by one
 * instead. See docs/decisions/transfer-durable-batches.md.
 */
final class FileSystemSync {

  private static volatile Boolean available;

  private FileSystemSync() {}

  static boolean available() {
    Boolean known = available;
    if (known == null) {
      known = run(Path.of(System.getProperty("java.io.tmpdir"))) == null;
      available = known;
    }
    return known;
  }

  static void sync(Path path, String shown) {
    String failure = run(path);
    if (failure != null) {
      throw new TransferException(
          "SYNC_FAILED",
          500,
          "could not make the files written under " + shown + " durable: " + failure);
    }
  }

  /** Null when the flush completed, else why it did not. */
  private static String run(Path path) {
    try {
      Process p =
          new ProcessBuilder("sync", "--file-system", "--", path.toString())
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = p.waitFor();
      return exit == 0 ? null : said.isEmpty() ? "sync exited with " + exit : said;
    } catch (IOException e) {
      return "sync could not be run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransferException("SHUTDOWN", 503, "the transfer service is stopping");
    }
  }
}
