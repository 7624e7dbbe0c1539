package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.testkit.TransferProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the transfer service while it copies many small files, which it puts in place in
 * batches: every file under its final name is whole, and the restarted service finishes the task
 * with every file identical to its source, no temporary file left, and no file that was in place
 * before the kill copied into place again.
 */
class KillDuringBatchTest {

  private static final int DIRS = 40;
  private static final int PER_DIR = 100;

  @TempDir Path tmp;
  TransferProcess service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.kill();
    }
  }

  @Test
  void filesUnderTheirFinalNamesAreWholeAndTheResumedTaskCompletes() throws Exception {
    Path userHome = Files.createDirectories(tmp.resolve("user"));
    Path source = tree(userHome.resolve("src"));
    Path target = userHome.resolve("dst");
    service = TransferProcess.start(tmp, userHome);

    ObjectNode transfer = Json.mapper().createObjectNode();
    transfer
        .putObject("body")
        .put("source_endpoint_id", Harness.SEED_A)
        .put("destination_endpoint_id", Harness.SEED_B)
        .put("preserve_timestamp", true)
        .putArray("transfer_items")
        .addObject()
        .put("source_path", source.toString())
        .put("destination_path", target.toString())
        .put("recursive", true);
    String id = service.call("POST", "/transfer/transfer/run", transfer).get("action_id").asText();

    // the first batch is in place: the copy of the rest is under way
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(2))
        // a walk may meet a temporary file just as it is renamed away
        .ignoreExceptions()
        .until(() -> !finalFiles(target.resolve("d000")).isEmpty());
    service.kill();

    List<Path> placed = finalFiles(target);
    assertThat(placed.size())
        .as("killed while copying, not after")
        .isLessThan(DIRS * PER_DIR)
        .isPositive();
    java.util.Map<Path, Object> inodes = new java.util.HashMap<>();
    for (Path p : placed) {
      Path original = source.resolve(target.relativize(p));
      assertThat(Files.mismatch(original, p)).as("%s is whole", p).isEqualTo(-1L);
      inodes.put(p, fileKey(p));
    }

    service = TransferProcess.start(tmp, userHome);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> isFinal(service.call("GET", "/transfer/transfer/" + id + "/status", null)));
    JsonNode done = service.call("GET", "/transfer/transfer/" + id + "/status", null);

    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    assertThat(done.get("details").get("files_transferred").asInt()).isEqualTo(DIRS * PER_DIR);
    List<Path> all = finalFiles(target);
    assertThat(all).hasSize(DIRS * PER_DIR);
    for (Path p : all) {
      Path original = source.resolve(target.relativize(p));
      assertThat(Files.mismatch(original, p)).as("%s", p).isEqualTo(-1L);
      assertThat(Files.getLastModifiedTime(p)).isEqualTo(Files.getLastModifiedTime(original));
    }
    try (Stream<Path> files = Files.walk(target)) {
      assertThat(files.filter(p -> p.toString().endsWith(".part")).toList()).isEmpty();
    }
    // a file in place before the kill, however shortly before, is never copied into place again
    List<Path> copiedAgain =
        inodes.keySet().stream().filter(p -> !fileKey(p).equals(inodes.get(p))).toList();
    assertThat(copiedAgain).as("files put in place a second time").isEmpty();
  }

  private static Object fileKey(Path p) {
    try {
      return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path tree(Path root) throws IOException {
    SplittableRandom random = new SplittableRandom(19);
    byte[] bytes = new byte[16 * 1024];
    for (int d = 0; d < DIRS; d++) {
      Path dir = Files.createDirectories(root.resolve(String.format("d%03d", d)));
      for (int f = 0; f < PER_DIR; f++) {
        random.nextBytes(bytes);
        int size = 1024 + random.nextInt(bytes.length - 1024);
        Files.write(dir.resolve("f" + f + ".dat"), java.util.Arrays.copyOf(bytes, size));
      }
    }
    return root;
  }

  private static List<Path> finalFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return new ArrayList<>(
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().endsWith(".part"))
              .toList());
    }
  }

  private static boolean isFinal(JsonNode status) {
    String s = status.path("status").asText();
    return s.equals("SUCCEEDED") || s.equals("FAILED");
  }
}
