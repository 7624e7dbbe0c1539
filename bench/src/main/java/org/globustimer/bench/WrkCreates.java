package org.globustimer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates driven by {@code wrk} (Debian's package of that name) with {@code bench/create.lua}: a
 * load generator in a process of its own, one thread and one event loop for all connections, so
 * that the client takes little of the CPU the service is measured on and none of its process.
 */
final class WrkCreates {

  record Result(long answers, long failed, double seconds, String line) {}

  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) answers, (\\d+) not 201, in ([0-9.]+) s");

  private WrkCreates() {}

  static Result run(String url, String token, int connections, int seconds)
      throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("bench.dir", "bench"), "create.lua");
    ProcessBuilder wrk =
        new ProcessBuilder(
                List.of(
                    "wrk",
                    "-t1",
                    "-c" + connections,
                    "-d" + seconds + "s",
                    "-s",
                    script.toString(),
                    url))
            .redirectErrorStream(true);
    wrk.environment().put("TOKEN", token);
    Process process;
    try {
      process = wrk.start();
    } catch (IOException e) {
      throw new IOException("--client wrk needs wrk on the PATH (apt-get install wrk)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    Matcher m = SUMMARY.matcher(output);
    if (!m.find()) {
      throw new IOException("wrk printed no summary: " + output);
    }
    return new Result(
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)),
        Double.parseDouble(m.group(3)),
        output.lines().filter(l -> l.contains(" answers, ")).findFirst().orElse(""));
  }
}
