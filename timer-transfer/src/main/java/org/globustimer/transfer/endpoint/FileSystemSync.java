package org.globustimer.transfer.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.globustimer.transfer.TransferException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One flush of a whole file system ({@code syncfs}), through coreutils' {@code sync --file-system}:
 * Java has no call for it. Where it is missing, or fails, files are flushed one by one instead. See
 * docs/decisions/transfer-durable-batches.md.
 */
final class FileSystemSync {

  private static final Logger log = LoggerFactory.getLogger(FileSystemSync.class);
  private static final AtomicBoolean warned = new AtomicBoolean();
  private static volatile Boolean available;

  private FileSystemSync() {}

  /** Whether {@code sync --file-system} worked when first tried (on the temporary directory). */
  static boolean available() {
    Boolean known = available;
    if (known == null) {
      String failure = run(Path.of(System.getProperty("java.io.tmpdir")));
      known = failure == null;
      if (!known) {
        log.info("files are flushed one by one: sync --file-system did not work ({})", failure);
      }
      available = known;
    }
    return known;
  }

  /** True once everything written on the file system of {@code path} is durable. */
  static boolean sync(Path path) {
    String failure = run(path);
    if (failure != null && !warned.getAndSet(true)) {
      log.warn(
          "sync --file-system failed on {} ({}); flushing its files one by one", path, failure);
    }
    return failure == null;
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
