package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.globustimer.transfer.copy.CopyTuning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeAfterStopTest {

  @TempDir Path tmp;
  Harness h;

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aTransferStoppedMidFileResumesOnANewModuleWithoutRecopyingFinishedFiles() throws Exception {
    CopyTuning slow = new CopyTuning(1 << 20, () -> LockSupport.parkNanos(20_000_000), rel -> {});
    h = new Harness(tmp, slow, 1);
    Path src = Files.createDirectories(h.home.resolve("src"));
    Path dst = h.home.resolve("dst");
    Files.writeString(src.resolve("a_small.txt"), "first");
    Files.writeString(src.resolve("b_small.txt"), "second");
    byte[] large = new byte[48 << 20];
    new Random(7).nextBytes(large);
    Files.write(src.resolve("z_large.bin"), large);

    String id = h.run(Harness.transfer("/~/src", "/~/dst", true));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(dst.resolve("b_small.txt")) && partials(dst) > 0);
    Object keyBefore = fileKey(dst.resolve("a_small.txt"));
    h.stop();

    assertThat(dst.resolve("z_large.bin")).doesNotExist();
    h.start(CopyTuning.DEFAULT);
    JsonNode done = h.awaitFinal(id);

    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Files.mismatch(src.resolve("z_large.bin"), dst.resolve("z_large.bin")))
        .isEqualTo(-1);
    assertThat(fileKey(dst.resolve("a_small.txt"))).isEqualTo(keyBefore);
    assertThat(partials(dst)).isZero();
    assertThat(done.get("details").get("files_transferred").asInt()).isEqualTo(3);
  }

  private static long partials(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
    }
  }

  private static Object fileKey(Path p) throws Exception {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }
}
