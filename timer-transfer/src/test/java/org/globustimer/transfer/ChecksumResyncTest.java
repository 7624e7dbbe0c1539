package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync level 3 re-syncs: digests of unchanged files are kept and reused, and a file rewritten in
 * place with its old size and mtime is still found changed.
 */
class ChecksumResyncTest {

  static final Instant MID = Instant.parse("2022-01-01T00:00:00Z");

  @TempDir Path tmp;
  Harness h;
  Path src;
  Path dst;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
    src = Files.createDirectories(h.home.resolve("src/deep"));
    dst = h.home.resolve("dst/deep");
    SyncLevelTest.file(src.resolve("a.txt"), "alpha", MID);
    SyncLevelTest.file(src.resolve("b.txt"), "bravo", MID);
    assertThat(level3().get("files_transferred").asInt()).isEqualTo(2);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private JsonNode level3() {
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true);
    body.put("sync_level", 3).put("preserve_timestamp", true);
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    return done.get("details");
  }

  @Test
  void anUnchangedTreeIsReadOnceAndThenComparedByItsKeptDigests() {
    JsonNode first = level3();
    assertThat(first.get("files_skipped").asInt()).isEqualTo(2);
    assertThat(first.get("bytes_checksummed").asLong()).isEqualTo(20);

    JsonNode second = level3();
    assertThat(second.get("files_skipped").asInt()).isEqualTo(2);
    assertThat(second.get("bytes_checksummed").asLong()).isZero();
  }

  @Test
  void aFileRewrittenWithItsOldSizeAndMtimeIsCopiedAgain() throws Exception {
    level3();
    Path a = dst.resolve("a.txt");
    Files.writeString(a, "ALPHA");
    Files.setLastModifiedTime(a, FileTime.from(MID));

    JsonNode again = level3();
    assertThat(again.get("files_transferred").asInt()).isEqualTo(1);
    assertThat(Files.readString(a)).isEqualTo("alpha");
    // only the new copy is read to compare it
    assertThat(level3().get("bytes_checksummed").asLong()).isEqualTo(5);
  }

  @Test
  void aSourceRewrittenWithItsOldSizeAndMtimeIsCopiedAgain() throws Exception {
    level3();
    Path b = src.resolve("b.txt");
    Files.writeString(b, "BRAVO");
    Files.setLastModifiedTime(b, FileTime.from(MID));

    JsonNode again = level3();
    assertThat(again.get("files_transferred").asInt()).isEqualTo(1);
    // only the source is read again: the destination's kept digest still holds
    assertThat(again.get("bytes_checksummed").asLong()).isEqualTo(5);
    assertThat(Files.readString(dst.resolve("b.txt"))).isEqualTo("BRAVO");
  }

  @Test
  void aDestinationReplacedByAnotherFileOfItsSizeAndMtimeIsCopiedAgain() throws Exception {
    level3();
    Path a = dst.resolve("a.txt");
    Path other = dst.resolveSibling("other.txt");
    SyncLevelTest.file(other, "ALPHA", MID);
    Files.move(other, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    JsonNode again = level3();
    assertThat(again.get("files_transferred").asInt()).isEqualTo(1);
    assertThat(Files.readString(a)).isEqualTo("alpha");
  }

  @Test
  void aSourceTouchedAfterItsDigestWasKeptIsReadAgain() throws Exception {
    level3();
    Path b = src.resolve("b.txt");
    Files.setLastModifiedTime(b, FileTime.from(MID));

    JsonNode again = level3();
    // its ctime changed, so the kept digest no longer holds; the content still matches
    assertThat(again.get("files_skipped").asInt()).isEqualTo(2);
    assertThat(again.get("bytes_checksummed").asLong()).isEqualTo(5);
  }

  @Test
  void digestsOfFilesThatAreGoneAreDropped() throws Exception {
    level3();
    assertThat(h.digestRows()).isEqualTo(4);
    Files.delete(src.resolve("b.txt"));
    Files.delete(dst.resolve("b.txt"));

    level3();
    assertThat(h.digestRows()).isEqualTo(2);
  }

  @Test
  void anItemsChecksumAlgorithmIsTheOneCompared() {
    level3();
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true);
    ((ObjectNode) body.get("transfer_items").get(0)).put("checksum_algorithm", "MD5");
    body.put("sync_level", 3).put("preserve_timestamp", true).put("verify_checksum", true);
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    // the kept XXH64 digests do not stand in for the algorithm asked for: both sides are read
    assertThat(done.get("details").get("files_skipped").asInt()).isEqualTo(2);
    assertThat(done.get("details").get("bytes_checksummed").asLong()).isEqualTo(20);
  }

  @Test
  void anUnknownChecksumAlgorithmIs400NamingTheField() {
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true);
    ((ObjectNode) body.get("transfer_items").get(0)).put("checksum_algorithm", "ROT13");
    ObjectNode request = Json.mapper().createObjectNode();
    request.set("body", body);
    Harness.Reply r = h.post("/transfer/transfer/run", "alice", request);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("description").asText())
        .startsWith("transfer_items[0].checksum_algorithm:")
        .contains("MD5");
  }
}
