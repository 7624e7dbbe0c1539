package org.globustimer.transfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferMain;

/**
 * The transfer service in a child JVM ({@link TransferMain}, its SQLite database under {@code
 * dir}), to be killed with SIGKILL and started again on the same database.
 */
public final class TransferProcess {

  private static final String TOKEN = "kill-test-token";

  private final Process process;
  private final int port;

  private TransferProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static TransferProcess start(Path dir, Path userHome) throws IOException {
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Duser.home=" + userHome,
                "-cp",
                System.getProperty("java.class.path"),
                TransferMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
    builder.environment().put("GLOBUS_TIMER_TRANSFER_TOKEN", TOKEN);
    builder.environment().put("GLOBUS_TIMER_TRANSFER_HOME", dir.resolve("service").toString());
    builder.environment().put("GLOBUS_TIMER_TRANSFER_PORT", Integer.toString(port));
    Process p = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !p.isAlive() || listening(port));
    assertThat(p.isAlive()).as(Files.readString(dir.resolve("service.log"))).isTrue();
    return new TransferProcess(p, port);
  }

  /** SIGKILL, and waits for the process to be gone. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One authorized call; fails the test on a status of 300 or more. */
  public JsonNode call(String method, String path, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isLessThan(300);
      return Json.mapper().readTree(r.body());
    }
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
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
