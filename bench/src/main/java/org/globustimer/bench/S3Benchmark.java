package org.globustimer.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.core.json.Json;

/**
 * Our copier into an S3 bucket side by side with {@code rclone sync}, both against one s3proxy
 * (filesystem store) on loopback: a few large files and many small ones, each copied fresh into an
 * empty prefix and then re-synced unchanged (ours at sync level 2 with preserve_timestamp, rclone's
 * default size-and-modtime check). Prints median (best) wall times and our ratio.
 *
 * <p>Usage: {@code bench/run s3 [--dir D] [--large-mib 1024] [--large-files 4] [--small-files
 * 20000] [--small-kib 8] [--repeat 3] [--parallel 4] [--s3proxy JAR]}
 */
public final class S3Benchmark {

  private static final String KEY = "AKIDBENCH";
  private static final String SECRET = "bench-secret";
  private static final String BUCKET = "bench";
  private static final int WARM_UP_FILES = 1000;
  static final String RCLONE = "rclone sync";
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
                "s3proxy", "bench/target/s3proxy/s3proxy.jar"));
    if (!TransferCommands.installed("rclone")) {
      throw new IllegalStateException("rclone is missing: apt-get install -y rclone");
    }
    int repeat = Integer.parseInt(o.get("repeat"));
    System.out.println("s3 benchmark " + new java.util.TreeMap<>(o));
    System.out.println("rclone: " + TransferCommands.firstLine("rclone", "--version"));
    TransferReport.load("before");
    Path base = Files.createTempDirectory(Path.of(o.get("dir")), "s3-bench");
    Process server = null;
    try {
      int port = freePort();
      server = s3proxy(Path.of(o.get("s3proxy")), base, port);
      String url = "http://127.0.0.1:" + port;
      RcloneSync rclone = new RcloneSync(url, KEY, SECRET);
      Path large = base.resolve("large");
      Path small = base.resolve("small");
      TransferData.large(
          large, Integer.parseInt(o.get("large-files")), Long.parseLong(o.get("large-mib")));
      TransferData.small(
          small, Integer.parseInt(o.get("small-files")), Integer.parseInt(o.get("small-kib")));
      TransferReport.source("large", TransferData.readAll(large));
      TransferReport.source("small", TransferData.readAll(small));
      Path warm = base.resolve("warm-up");
      TransferData.small(
          warm,
          Math.min(WARM_UP_FILES, Integer.parseInt(o.get("small-files"))),
          Integer.parseInt(o.get("small-kib")));
      TransferData.readAll(warm);
      try (TransferDriver ours = new TransferDriver(base, Integer.parseInt(o.get("parallel")))) {
        String bucket = ours.createEndpoint(endpoint(url));
        warmUp(ours, rclone, bucket, warm);
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        for (Path src : List.of(large, small)) {
          String name = src.getFileName().toString();
          Map<String, List<Double>> fresh = new LinkedHashMap<>();
          Map<String, List<Double>> again = new LinkedHashMap<>();
          for (int r = 0; r < repeat; r++) {
            String oursAt = "/ours-" + name + "-" + r;
            String rcloneAt = "bench:" + BUCKET + "/rclone-" + name + "-" + r;
            add(
                fresh,
                OURS,
                report(ours.copy(ours.localEndpoint(), src.toString(), bucket, oursAt, null)));
            add(fresh, RCLONE, rclone.sync(src, rcloneAt));
            TransferDriver.Result unchanged =
                ours.copy(ours.localEndpoint(), src.toString(), bucket, oursAt, 2);
            if (unchanged.transferred() != 0) {
              throw new IllegalStateException(
                  "an unchanged re-sync copied " + unchanged.transferred());
            }
            add(again, OURS, report(unchanged));
            add(again, RCLONE, rclone.sync(src, rcloneAt));
          }
          results.put(name + " files, fresh", fresh);
          results.put(name + " files, unchanged re-sync", again);
        }
        S3Comparison.print(results);
      }
    } finally {
      if (server != null) {
        server.destroy();
        server.waitFor();
      }
      TransferData.delete(base);
      TransferReport.load("after");
    }
  }

  private static ObjectNode endpoint(String url) {
    return Json.mapper()
        .createObjectNode()
        .put("display_name", "bench bucket")
        .put("type", "s3")
        .put("service_url", url)
        .put("bucket", BUCKET)
        .put("prefix", "data/")
        .put("access_key_id", KEY)
        .put("secret_access_key", SECRET);
  }

  /**
   * Both tools copy and re-sync up to 1,000 small files before anything is measured, so that the
   * server's JVM has compiled its request paths by then, and ours too, as a running service's has.
   * Ours is measured first in each case, so a warm-up of 100 files by ours alone left ours paying
   * the rest of the server's warm-up in the first round, and rclone, measured after thousands of
   * our requests, not.
   */
  private static void warmUp(TransferDriver ours, RcloneSync rclone, String bucket, Path dir) {
    System.out.println("warm-up (not measured):");
    for (int i = 0; i < 3; i++) {
      ours.copy(ours.localEndpoint(), dir.toString(), bucket, "/warm-up-" + i, null);
      ours.copy(ours.localEndpoint(), dir.toString(), bucket, "/warm-up-" + i, 2);
    }
    rclone.sync(dir, "bench:" + BUCKET + "/warm-up-rclone");
    rclone.sync(dir, "bench:" + BUCKET + "/warm-up-rclone");
  }

  private static Process s3proxy(Path jar, Path base, int port) throws Exception {
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no s3proxy jar at " + jar + " (bench/run s3 fetches it)");
    }
    Path data = Files.createDirectories(base.resolve("s3/" + BUCKET)).getParent();
    Path properties = base.resolve("s3proxy.properties");
    Files.write(
        properties,
        List.of(
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + KEY,
            "s3proxy.credential=" + SECRET,
            "jclouds.provider=filesystem",
            "jclouds.identity=" + KEY,
            "jclouds.credential=" + SECRET,
            "jclouds.filesystem.basedir=" + data));
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g",
                "-jar",
                jar.toString(),
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("s3proxy.log").toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!listening(port)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "s3proxy did not start: " + Files.readString(base.resolve("s3proxy.log")));
      }
      Thread.sleep(100);
    }
    return p;
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void add(Map<String, List<Double>> times, String tool, double seconds) {
    times.computeIfAbsent(tool, k -> new ArrayList<>()).add(seconds);
  }

  private static double report(TransferDriver.Result r) {
    System.out.printf(
        "  ours: %.2f s (cpu %.2f s), %d transferred, %d skipped%n",
        r.seconds(), r.cpuSeconds(), r.transferred(), r.skipped());
    return r.seconds();
  }
}
