package org.globustimer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The no-op action provider in a Node.js process of its own ({@code bench/node/noop-provider.js}),
 * so that the service's calls cross a process boundary on loopback as they would to a real
 * provider. Arrivals come back on the process's standard output.
 */
final class NodeProvider implements Provider {

  interface Arrivals {
    void arrival(int index, long arrivedMicros);
  }

  private final Process process;
  private final int port;

  NodeProvider(Path script, Arrivals onArrival) throws IOException {
    process =
        new ProcessBuilder("node", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    String first = out.readLine();
    if (first == null || !first.startsWith("port ")) {
      process.destroy();
      throw new IOException("the Node.js provider did not start (is node installed?): " + first);
    }
    port = Integer.parseInt(first.substring(5).strip());
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  int space = line.indexOf(' ');
                  int index = Integer.parseInt(line.substring(space + 1));
                  if (index >= 0) {
                    onArrival.arrival(index, Long.parseLong(line.substring(0, space)));
                  }
                }
              } catch (IOException | RuntimeException e) {
                // the process ended; the report shows what arrived
              }
            },
            "node-provider-arrivals");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public String runUrl() {
    return "http://127.0.0.1:" + port + "/noop/run";
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    process.destroy();
  }
}
