package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named pipes in a tree: reading one would wait for a writer that never comes, so a transfer skips
 * them with an event, refuses one named alone, and replaces one at the destination without reading
 * it.
 */
class SpecialFilesTest {

  @TempDir Path tmp;
  Harness h;
  Path src;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
    src = Files.createDirectories(h.home.resolve("src"));
    Files.writeString(src.resolve("data.txt"), "regular");
    mkfifo(src.resolve("pipe"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).as("mkfifo %s", path).isZero();
  }

  @Test
  void aTreeWithAPipeIsCopiedWithoutItAndSaysSo() throws Exception {
    JsonNode done = h.runToEnd(Harness.transfer("/~/src", "/~/dst", true));

    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    Path dst = h.home.resolve("dst");
    assertThat(Files.readString(dst.resolve("data.txt"))).isEqualTo("regular");
    assertThat(Files.exists(dst.resolve("pipe"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(done.at("/details/files_transferred").asInt()).isEqualTo(1);
    assertThat(done.at("/details/event_list").toString())
        .contains("SKIPPED_SPECIAL_FILE")
        .contains("/src/pipe");
  }

  @Test
  void aPipeNamedAloneIsRefusedWithAClearReason() {
    JsonNode done = h.runToEnd(Harness.transfer("/~/src/pipe", "/~/copy", false));

    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.at("/details/code").asText()).isEqualTo("NOT_A_REGULAR_FILE");
    assertThat(done.at("/details/description").asText()).contains("/~/src/pipe");
  }

  @Test
  void aPipeAtTheDestinationIsReplacedWithoutBeingRead() throws Exception {
    Path dst = Files.createDirectories(h.home.resolve("dst"));
    mkfifo(dst.resolve("data.txt"));
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true);
    body.put("sync_level", 3);

    JsonNode done = h.runToEnd(body);

    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    assertThat(Files.isRegularFile(dst.resolve("data.txt"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(dst.resolve("data.txt"))).isEqualTo("regular");
  }
}
