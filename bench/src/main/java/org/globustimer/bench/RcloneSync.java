package org.globustimer.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code rclone sync} into the benchmark's bucket, configured only through its environment (a
 * remote named {@code bench}, path-style, on the given S3 URL), and timed.
 */
final class RcloneSync {

  private final String url;
  private final String key;
  private final String secret;

  RcloneSync(String url, String key, String secret) {
    this.url = url;
    this.key = key;
    this.secret = secret;
  }

  /** Syncs {@code src} to {@code target} ({@code bench:bucket/prefix}); answers the seconds. */
  double sync(Path src, String target) {
    List<String> command =
        List.of("rclone", "sync", "--config", "/dev/null", src.toString(), target);
    ProcessBuilder b = new ProcessBuilder(command).inheritIO();
    Map<String, String> env = b.environment();
    // a CA bundle meant for other tools makes rclone refuse its own HTTP transport
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_"));
    env.put("RCLONE_CONFIG_BENCH_TYPE", "s3");
    env.put("RCLONE_CONFIG_BENCH_PROVIDER", "Other");
    env.put("RCLONE_CONFIG_BENCH_ENDPOINT", url);
    env.put("RCLONE_CONFIG_BENCH_ACCESS_KEY_ID", key);
    env.put("RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY", secret);
    env.put("RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE", "true");
    long start = System.nanoTime();
    TransferCommands.run(b);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("  rclone: %.2f s%n", seconds);
    return seconds;
  }
}
