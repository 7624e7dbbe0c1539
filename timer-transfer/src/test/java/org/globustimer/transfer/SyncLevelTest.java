package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One tree, four kinds of destination state, every sync level. "new" is missing at the destination;
 * "stale" has the same size, other content, an older mtime; "newer" has another size and a newer
 * mtime; "same" has identical content and an older mtime.
 */
class SyncLevelTest {

  static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant MID = Instant.parse("2022-01-01T00:00:00Z");
  static final Instant NEW = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir Path tmp;
  Harness h;
  Path src;
  Path dst;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
    src = Files.createDirectories(h.home.resolve("src/deep"));
    dst = Files.createDirectories(h.home.resolve("dst/deep"));
    file(src.resolve("new.txt"), "new source", MID);
    file(src.resolve("stale.txt"), "AAAA", MID);
    file(dst.resolve("stale.txt"), "BBBB", OLD);
    file(src.resolve("newer.txt"), "short", MID);
    file(dst.resolve("newer.txt"), "much longer", NEW);
    file(src.resolve("same.txt"), "identical", MID);
    file(dst.resolve("same.txt"), "identical", OLD);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  static void file(Path p, String content, Instant mtime) throws Exception {
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, FileTime.from(mtime));
  }

  @ParameterizedTest(name = "sync_level {0} copies {1}")
  @CsvSource({
    "'', new stale newer same",
    "0, new",
    "1, new newer",
    "2, new stale same",
    "3, new stale newer",
  })
  void syncLevelDecidesWhichFilesAreCopied(String level, String expected) throws Exception {
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true);
    if (!level.isEmpty()) {
      body.put("sync_level", Integer.parseInt(level));
    }
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");

    Set<String> copied = new TreeSet<>();
    for (String name : new String[] {"new", "stale", "newer", "same"}) {
      Path d = dst.resolve(name + ".txt");
      boolean contentIsSource =
          Files.readString(d).equals(Files.readString(src.resolve(name + ".txt")));
      boolean touched =
          !Files.getLastModifiedTime(d).toInstant().equals(name.equals("newer") ? NEW : OLD);
      if (touched) {
        copied.add(name);
        assertThat(contentIsSource).as(name + " copied means source content").isTrue();
      }
    }
    Set<String> want = new TreeSet<>(Set.of(expected.split(" ")));
    assertThat(copied).isEqualTo(want);
    JsonNode details = done.get("details");
    assertThat(details.get("files").asInt()).isEqualTo(4);
    assertThat(details.get("files_transferred").asInt()).isEqualTo(want.size());
    assertThat(details.get("files_skipped").asInt()).isEqualTo(4 - want.size());
    assertThat(details.get("directories").asInt()).isEqualTo(2);
    if ("3".equals(level)) {
      assertThat(details.get("bytes_checksummed").asLong()).isPositive();
    }
  }
}
