package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.globustimer.cli.output.Texts;

/**
 * The counters of a transfer action's details, and how far along they are; {@code seconds} is -1
 * when the details carry no duration.
 */
record TransferProgress(
    long files, long transferred, long skipped, long bytes, double seconds, long bytesPerSecond) {

  static TransferProgress of(JsonNode details) {
    return new TransferProgress(
        details.path("files").asLong(0),
        details.path("files_transferred").asLong(0),
        details.path("files_skipped").asLong(0),
        details.path("bytes_transferred").asLong(0),
        details.path("duration_seconds").asDouble(-1),
        details.path("effective_bytes_per_second").asLong(0));
  }

  /** Finished share in [0, 1], or -1 when the total is not known yet. */
  double fraction() {
    if (files <= 0) {
      return -1;
    }
    return Math.min(1.0, (transferred + skipped) / (double) files);
  }

  String describe() {
    String skippedText = skipped > 0 ? " (" + skipped + " skipped)" : "";
    return (transferred + skipped)
        + "/"
        + files
        + " files"
        + skippedText
        + ", "
        + Texts.bytes(bytes)
        + speed();
  }

  /** " in 2.5 s (1.2 MiB/s)", or nothing when the duration is not known. */
  private String speed() {
    if (seconds < 0) {
      return "";
    }
    return String.format(Locale.ROOT, " in %.1f s (%s/s)", seconds, Texts.bytes(bytesPerSecond));
  }

  String bar(int width) {
    double fraction = fraction();
    if (fraction < 0) {
      return "[" + " ".repeat(width) + "]    ";
    }
    int filled = (int) Math.round(fraction * width);
    return "["
        + "#".repeat(filled)
        + "-".repeat(width - filled)
        + "] "
        + String.format("%3d%%", Math.round(fraction * 100));
  }
}
