package org.globustimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Our copier (the transfer provider, in process, on SQLite) side by side with {@code cp -a} and
 * {@code rsync -a} on the same trees: a few large files and many small ones copied fresh, then the
 * small ones re-synced unchanged at sync level 2 (mtime; {@code rsync -a}) and 3 (checksum; {@code
 * rsync -a --checksum}). Sources are read once first, so every tool reads from a warm page cache;
 * each run's destination starts empty and dirty pages are flushed (untimed) before every run. Large
 * files are also copied one after another with {@code dd conv=fsync}, the disk's plain streaming
 * rate. Prints the median wall time of each tool, our ratio to cp and to rsync, and the large
 * files' throughput against dd's.
 *
 * <p>Usage: {@code bench/run transfer [--dir D] [--large-mib 1024] [--large-files 4] [--small-files
 * 20000] [--small-kib 8] [--repeat 3] [--parallel 4] [--cases large,small,mtime,checksum]}
 */
public final class TransferBenchmark {

  static final String CP = "cp -a";
  static final String CP_SYNC = "cp -a; sync";
  static final String RSYNC = "rsync -a";
  static final String DD = "dd (fsync)";
  static final String OURS = "ours";

  public static void main(String[] args) throws Exception {
    Map<String, String> o =
        Options.parse(
            args,
            Map.of(
                "dir", System.getProperty("java.io.tmpdir"),
                "large-mib", "1024",
                "large-files", "4",
                "small-files", "20000",
                "small-kib", "8",
                "repeat", "3",
                "parallel", "4",
                "cases", "large,small,mtime,checksum"));
    Set<String> cases = Set.of(o.get("cases").split(","));
    int repeat = Integer.parseInt(o.get("repeat"));
    boolean rsync = TransferCommands.installed("rsync");
    TransferReport.machine(o, rsync);
    Path base = Files.createTempDirectory(Path.of(o.get("dir")), "transfer-bench");
    try (TransferDriver ours = new TransferDriver(base, Integer.parseInt(o.get("parallel")))) {
      Path large = base.resolve("large");
      Path small = base.resolve("small");
      TransferData.large(
          large, Integer.parseInt(o.get("large-files")), Long.parseLong(o.get("large-mib")));
      TransferData.small(
          small, Integer.parseInt(o.get("small-files")), Integer.parseInt(o.get("small-kib")));
      TransferReport.source("large", TransferData.readAll(large));
      TransferReport.source("small", TransferData.readAll(small));
      TransferCommands.run(List.of("sync"));
      warmUp(ours, small, base);

      Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
      if (cases.contains("large")) {
        results.put("large files, fresh", fresh(base, large, ours, rsync, repeat));
      }
      if (cases.contains("small")) {
        results.put("small files, fresh", fresh(base, small, ours, rsync, repeat));
      } else if (cases.contains("mtime") || cases.contains("checksum")) {
        fresh(base, small, ours, rsync, 1);
      }
      if (cases.contains("mtime")) {
        results.put("small, unchanged, mtime", resync(base, small, ours, rsync, repeat, 2));
      }
      if (cases.contains("checksum")) {
        results.put("small, unchanged, checksum", resync(base, small, ours, rsync, repeat, 3));
      }
      TransferReport.table(results, rsync);
      if (cases.contains("large")) {
        TransferReport.throughput(
            results.get("large files, fresh"), TransferData.readAll(large)[1]);
      }
    } finally {
      TransferData.delete(base);
      TransferReport.load("after");
    }
  }

  /**
   * Runs every code path of ours a few times first, so the timed runs are not the JIT's: on up to
   * 1,000 of the small files, copied afresh each round so that level 3 hashes both sides, as a
   * service that has run transfers before has compiled them.
   */
  private static void warmUp(TransferDriver ours, Path small, Path base) throws IOException {
    Path src = base.resolve("warm-up-source");
    Path to = base.resolve("warm-up");
    List<Path> dirs;
    try (var listed = Files.list(small)) {
      dirs = listed.sorted().limit(10).toList();
    }
    for (int i = 0; i < 3; i++) {
      TransferData.delete(src);
      TransferData.delete(to);
      for (Path dir : dirs) {
        ours.copy(dir, src.resolve(dir.getFileName()), null);
      }
      ours.copy(src, to, null);
      ours.copy(src, to, 2);
      ours.copy(src, to, 3);
    }
    TransferData.delete(src);
    TransferData.delete(to);
  }

  private static Map<String, List<Double>> fresh(
      Path base, Path src, TransferDriver ours, boolean rsync, int repeat) {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, Function<Path, Double>> tools = new LinkedHashMap<>();
    tools.put(
        CP, dst -> TransferCommands.time(List.of("cp", "-a", src.toString(), dst.toString())));
    tools.put(
        CP_SYNC,
        dst ->
            TransferCommands.time(List.of("cp", "-a", src.toString(), dst.toString()))
                + TransferCommands.time(List.of("sync")));
    if (rsync) {
      tools.put(RSYNC, dst -> TransferCommands.time(List.of("rsync", "-a", src + "/", dst + "/")));
    }
    if (src.getFileName().toString().equals("large")) {
      tools.put(DD, dst -> TransferCommands.dd(src, dst));
    }
    tools.put(OURS, dst -> report(ours.copy(src, dst, null)));
    for (int r = 0; r < repeat; r++) {
      for (var tool : tools.entrySet()) {
        Path dst = destination(base, src, tool.getKey());
        TransferData.delete(dst);
        TransferCommands.run(List.of("sync"));
        times
            .computeIfAbsent(tool.getKey(), k -> new ArrayList<>())
            .add(tool.getValue().apply(dst));
      }
    }
    return times;
  }

  private static Map<String, List<Double>> resync(
      Path base, Path src, TransferDriver ours, boolean rsync, int repeat, int level) {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int r = 0; r < repeat; r++) {
      if (rsync) {
        List<String> command = new ArrayList<>(List.of("rsync", "-a"));
        if (level == 3) {
          command.add("--checksum");
        }
        command.addAll(List.of(src + "/", destination(base, src, RSYNC) + "/"));
        TransferCommands.run(List.of("sync"));
        times.computeIfAbsent(RSYNC, k -> new ArrayList<>()).add(TransferCommands.time(command));
      }
      // the fresh copies' write-back would otherwise still be running, and only ours flushes
      TransferCommands.run(List.of("sync"));
      TransferDriver.Result result = ours.copy(src, destination(base, src, OURS), level);
      if (result.transferred() != 0) {
        throw new IllegalStateException("an unchanged re-sync copied " + result.transferred());
      }
      times.computeIfAbsent(OURS, k -> new ArrayList<>()).add(report(result));
    }
    return times;
  }

  private static Path destination(Path base, Path src, String tool) {
    String name = tool.equals(CP_SYNC) ? CP : tool;
    return base.resolve("to-" + src.getFileName() + "-" + name.replaceAll("[^a-z]", ""));
  }

  private static double report(TransferDriver.Result r) {
    System.out.printf(
        "  ours: %.2f s (cpu %.2f s), %d transferred, %d skipped%n",
        r.seconds(), r.cpuSeconds(), r.transferred(), r.skipped());
    return r.seconds();
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
