package org.globustimer.bench;

import static org.globustimer.bench.S3Benchmark.OURS;
import static org.globustimer.bench.S3Benchmark.RCLONE;

import java.util.List;
import java.util.Map;

/**
 * The S3 benchmark's table: per case the median and best wall time of rclone and of ours, and the
 * ratio of the medians.
 */
final class S3Comparison {

  private S3Comparison() {}

  /** {@code results}: per case, per tool, the seconds of each run. */
  static void print(Map<String, Map<String, List<Double>>> results) {
    System.out.printf("%n| case | %s | %s | ours ÷ rclone |%n", RCLONE, OURS);
    System.out.println("|---|---:|---:|---:|");
    for (var row : results.entrySet()) {
      Map<String, List<Double>> t = row.getValue();
      double rclone = TransferBenchmark.median(t.get(RCLONE));
      double ours = TransferBenchmark.median(t.get(OURS));
      System.out.printf(
          "| %s | %.2f (%.2f) | %.2f (%.2f) | %.2f |%n",
          row.getKey(), rclone, best(t.get(RCLONE)), ours, best(t.get(OURS)), ours / rclone);
    }
    System.out.println(
        "(seconds: median (best) of each tool's runs; ratio of medians, < 1 means ours is faster)");
  }

  private static double best(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }
}
