package org.globustimer.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.globustimer.server.transfer.Timers.automate;
import static org.globustimer.server.transfer.Timers.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.globustimer.server.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL while a large file is being copied: the destination never holds a partial file under its
 * final name, and the restarted service finishes the timer's transfer with an identical file.
 */
class KillDuringTransferTest {

  private static final String TUTORIAL_1 = "ddb59aef-6d04-11e5-ba46-22000b92c6ec";
  private static final String TUTORIAL_2 = "ddb59af0-6d04-11e5-ba46-22000b92c6ec";
  private static final int MIB = 1 << 20;

  @TempDir Path home;
  ServiceProcess service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aKilledCopyLeavesNoPartialFileAndFinishesAfterRestart() throws Exception {
    Path source = randomFile(home.resolve("large.bin"), 300);
    Path outbox = Files.createDirectories(home.resolve("outbox"));
    Path target = outbox.resolve("large.bin");
    // the restarted process is a new node: a short lease lets it take over the killed one's timers
    service = ServiceProcess.forUserHome(home).setting("lease_seconds", "5").start();
    Timers timers = new Timers(service.api());
    ObjectNode transfer =
        automate(TUTORIAL_1, TUTORIAL_2, item(source.toString(), target.toString(), false));
    transfer.put("verify_checksum", true);

    // the embedded database writes commits out within a second; the timer must be on disk first
    String id = timers.createV1("large", 3600, 1, transfer, Instant.now().plusSeconds(3));
    await()
        .atMost(Timers.PATIENCE)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> temporaryFiles(outbox) > 0 || !timers.finishedRuns(id).isEmpty());
    boolean copying = temporaryFiles(outbox) > 0;
    String before = copying ? "" : timers.finishedRuns(id).toString();
    service.kill();
    assertThat(copying).as("the copy was still running when killed: %s", before).isTrue();

    assertThat(target).as("nothing under the final name while the copy was cut off").doesNotExist();
    service.startAgain();
    Timers again = new Timers(service.api());
    JsonNode run;
    try {
      run = again.awaitFirstRun(id);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "no finished run after the restart: " + again.job(id) + "\n" + service.log(), e);
    }

    assertThat(run.get("run_status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(sha256(target)).isEqualTo(sha256(source));
    // A temporary file may remain when the kill came within the embedded database's write delay
    // (about a second), which forgets the action: the restarted service then starts a new action
    // with a temporary name of its own instead of taking up the old one.
  }

  private static Path randomFile(Path path, int mebibytes) throws IOException {
    SplittableRandom random = new SplittableRandom(1);
    byte[] block = new byte[MIB];
    try (OutputStream out = Files.newOutputStream(path)) {
      for (int i = 0; i < mebibytes; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    return path;
  }

  private static long temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[MIB];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
