package org.globustimer.bench;

import java.util.List;
import java.util.Map;

/** What the transfer benchmark prints: the machine, the sources, and the table of results. */
final class TransferReport {

  private TransferReport() {}

  static void machine(Map<String, String> options, boolean rsync) {
    System.out.println("transfer benchmark " + new java.util.TreeMap<>(options));
    System.out.println(
        "machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cpus (nproc "
            + TransferCommands.firstLine("nproc")
            + "), kernel "
            + TransferCommands.firstLine("uname", "-r")
            + ", java "
            + System.getProperty("java.runtime.version"));
    System.out.println(
        "rsync: " + (rsync ? TransferCommands.firstLine("rsync", "--version") : "NOT FOUND"));
    load("before");
    System.out.println("page cache: warm (sources read once before timing; caches not dropped)");
  }

  static void load(String when) {
    System.out.println("load " + when + ": " + TransferCommands.firstLine("uptime"));
  }

  static void source(String name, long[] filesAndBytes) {
    System.out.printf(
        "source %s: %,d files, %,.1f MiB%n", name, filesAndBytes[0], filesAndBytes[1] / 1048576.0);
  }

  static void table(Map<String, Map<String, List<Double>>> results, boolean rsync) {
    String[] tools = {
      TransferBenchmark.CP,
      TransferBenchmark.CP_SYNC,
      TransferBenchmark.RSYNC,
      TransferBenchmark.DD,
      TransferBenchmark.OURS
    };
    System.out.printf(
        "%n| case | %s | %s | %s | %s | %s | ours ÷ cp | ours ÷ cp;sync | ours ÷ rsync |%n",
        (Object[]) tools);
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (var row : results.entrySet()) {
      Map<String, List<Double>> t = row.getValue();
      StringBuilder line = new StringBuilder("| " + row.getKey() + " |");
      for (String tool : tools) {
        line.append(
            t.containsKey(tool)
                ? String.format(" %.2f (%.2f) |", median(t, tool), best(t, tool))
                : " N/A |");
      }
      double ours = median(t, TransferBenchmark.OURS);
      line.append(ratio(ours, t, TransferBenchmark.CP))
          .append(ratio(ours, t, TransferBenchmark.CP_SYNC))
          .append(ratio(ours, t, TransferBenchmark.RSYNC));
      System.out.println(line);
    }
    System.out.println(
        "(seconds: median (best) of each tool's runs; ratios of medians, < 1 means ours is"
            + " faster)");
  }

  /** Large fresh copies in MiB/s (from median times), ours as a share of dd's. */
  static void throughput(Map<String, List<Double>> large, long bytes) {
    double mib = bytes / 1048576.0;
    StringBuilder line = new StringBuilder("large files, MiB/s (median):");
    for (var tool : large.entrySet()) {
      line.append(
          String.format(
              " %s %.0f;", tool.getKey(), mib / TransferBenchmark.median(tool.getValue())));
    }
    if (large.containsKey(TransferBenchmark.DD)) {
      line.append(
          String.format(
              " ours at %.0f%% of dd",
              100 * median(large, TransferBenchmark.DD) / median(large, TransferBenchmark.OURS)));
    }
    System.out.println(line);
  }

  private static String ratio(double ours, Map<String, List<Double>> t, String tool) {
    return t.containsKey(tool) ? String.format(" %.2f |", ours / median(t, tool)) : " N/A |";
  }

  private static double best(Map<String, List<Double>> t, String tool) {
    return t.get(tool).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double median(Map<String, List<Double>> t, String tool) {
    return TransferBenchmark.median(t.get(tool));
  }
}
