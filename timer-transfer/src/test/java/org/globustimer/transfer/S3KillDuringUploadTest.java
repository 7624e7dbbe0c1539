package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.testkit.S3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * SIGKILL of the transfer service while a 200 MiB file is uploaded in parts: nothing appears under
 * the object's key, and the restarted service completes the same upload, sending only the parts the
 * server did not have.
 */
class S3KillDuringUploadTest {

  private static final String TOKEN = "kill-test-token";
  private static final int MIB = 1 << 20;
  private static final int SIZE_MIB = 200;

  @TempDir Path tmp;
  S3Server server;
  Process service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.destroyForcibly();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aKilledUploadResumesFromTheStoredParts() throws Exception {
    try {
      killAndResume();
    } catch (AssertionError | RuntimeException e) {
      Path log = tmp.resolve("service.log");
      Path s3log = tmp.resolve("s3/s3proxy.log");
      throw new AssertionError(
          e.getMessage()
              + "\n--- service log ---\n"
              + (Files.exists(log) ? Files.readString(log) : "")
              + "\n--- s3proxy log ---\n"
              + (Files.exists(s3log) ? Files.readString(s3log) : "")
              + "\n--- s3 files ---\n"
              + files(tmp.resolve("s3/data")),
          e);
    }
  }

  private static String files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    try (var all = Files.walk(dir)) {
      return String.join(
          "\n", all.map(p -> dir.relativize(p) + " " + p.toFile().length()).toList());
    }
  }

  private void killAndResume() throws Exception {
    server = S3Server.start(Files.createDirectories(tmp.resolve("s3")));
    String bucket = server.bucket("kill-bucket");
    Path userHome = Files.createDirectories(tmp.resolve("user"));
    Path source = randomFile(userHome.resolve("large.bin"), SIZE_MIB);
    int port = freePort();
    service = startService(userHome, port);

    ObjectNode endpoint =
        Json.mapper()
            .createObjectNode()
            .put("display_name", "backup")
            .put("type", "s3")
            .put("service_url", server.url().toString())
            .put("bucket", bucket)
            .put("prefix", "nightly/")
            .put("access_key_id", S3Server.ACCESS_KEY)
            .put("secret_access_key", S3Server.SECRET_KEY);
    JsonNode created = call(port, "POST", "/endpoints", endpoint);
    String dst = created.get("id").asText();
    ObjectNode transfer = Json.mapper().createObjectNode();
    transfer
        .putObject("body")
        .put("source_endpoint_id", Harness.SEED_A)
        .put("destination_endpoint_id", dst)
        .putArray("transfer_items")
        .addObject()
        .put("source_path", source.toString())
        .put("destination_path", "/large.bin")
        .put("recursive", false);
    String id = call(port, "POST", "/transfer/transfer/run", transfer).get("action_id").asText();

    int partsInAll = (SIZE_MIB + 15) / 16;
    try (S3Client s3 = server.client()) {
      // a third of the file acknowledged by the server, going by the task's own progress (a
      // listing of the parts may fail while s3proxy writes one, so it cannot say when to kill)
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> bytesSent(port, id) >= SIZE_MIB / 3 * (long) MIB);
      service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      // parts cut off by the kill may still be on their way out of s3proxy: wait for it to settle
      int[] seen = {-1};
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .ignoreException(software.amazon.awssdk.services.s3.model.S3Exception.class)
          .until(
              () -> {
                int now = storedParts(s3, bucket);
                boolean stable = now == seen[0];
                seen[0] = now;
                return stable;
              });
      int storedBeforeRestart = seen[0];
      long storedBytes = storedBytes(s3, bucket);
      assertThat(storedBeforeRestart)
          .as("parts stored before the kill")
          .isBetween(1, partsInAll - 1);
      String uploadBefore = uploads(s3, bucket).getFirst().uploadId();
      assertThat(keys(s3, bucket)).as("no object under its key while cut off").isEmpty();

      service = startService(userHome, port);
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> isFinal(call(port, "GET", "/transfer/transfer/" + id + "/status", null)));
      JsonNode done = call(port, "GET", "/transfer/transfer/" + id + "/status", null);

      assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
      JsonNode resumed = event(done, "UPLOAD_RESUMED");
      assertThat(resumed).as("%s", done).isNotNull();
      assertThat(resumed.get("description").asText())
          .startsWith("took up a multipart upload: " + storedBeforeRestart + " of " + partsInAll);
      // the parts stored before the kill were not sent again
      long sentAfterRestart = done.get("details").get("bytes_transferred").asLong();
      assertThat(sentAfterRestart).isEqualTo((long) SIZE_MIB * MIB - storedBytes);
      assertThat(uploads(s3, bucket)).isEmpty();
      assertThat(uploadBefore).isNotBlank();
      assertThat(sha256(s3.getObject(r -> r.bucket(bucket).key("nightly/large.bin"))))
          .isEqualTo(sha256(Files.newInputStream(source)));
    }
  }

  private Process startService(Path userHome, int port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Duser.home=" + userHome,
                "-cp",
                System.getProperty("java.class.path"),
                TransferMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("service.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("GLOBUS_TIMER_TRANSFER_TOKEN", TOKEN);
    env.put("GLOBUS_TIMER_TRANSFER_HOME", tmp.resolve("service").toString());
    env.put("GLOBUS_TIMER_TRANSFER_PORT", Integer.toString(port));
    Process p = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !p.isAlive() || listening(port));
    assertThat(p.isAlive()).as(Files.readString(tmp.resolve("service.log"))).isTrue();
    return p;
  }

  private long bytesSent(int port, String id) throws Exception {
    JsonNode status = call(port, "GET", "/transfer/transfer/" + id + "/status", null);
    return status.path("details").path("bytes_transferred").asLong();
  }

  private static JsonNode event(JsonNode status, String code) {
    for (JsonNode e : status.get("details").get("event_list")) {
      if (e.get("code").asText().equals(code)) {
        return e;
      }
    }
    return null;
  }

  private static boolean isFinal(JsonNode status) {
    String s = status.path("status").asText();
    return s.equals("SUCCEEDED") || s.equals("FAILED");
  }

  private static List<MultipartUpload> uploads(S3Client s3, String bucket) {
    return s3.listMultipartUploads(r -> r.bucket(bucket).prefix("nightly/")).uploads();
  }

  private static int storedParts(S3Client s3, String bucket) {
    List<MultipartUpload> open = uploads(s3, bucket);
    if (open.isEmpty()) {
      return 0;
    }
    MultipartUpload u = open.getFirst();
    return s3.listParts(r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId())).parts().size();
  }

  private static long storedBytes(S3Client s3, String bucket) {
    MultipartUpload u = uploads(s3, bucket).getFirst();
    return s3.listParts(r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId())).parts().stream()
        .mapToLong(p -> p.size())
        .sum();
  }

  private static List<String> keys(S3Client s3, String bucket) {
    return s3.listObjectsV2(r -> r.bucket(bucket).prefix("nightly/")).contents().stream()
        .map(o -> o.key())
        .toList();
  }

  private JsonNode call(int port, String method, String path, Object body) throws Exception {
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
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Path randomFile(Path path, int mebibytes) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    byte[] block = new byte[MIB];
    try (OutputStream out = Files.newOutputStream(path)) {
      for (int i = 0; i < mebibytes; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    return path;
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (in) {
      byte[] buffer = new byte[MIB];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
