package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.globustimer.transfer.copy.CopyTuning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferOptionsTest {

  @TempDir Path tmp;
  Harness h;
  final AtomicInteger damaged = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    // damages the first temporary file named "*damage-me*" once, before it is verified
    CopyTuning tuning =
        new CopyTuning(
            1 << 20,
            () -> {},
            rel -> {
              if (rel.contains("damage-me") && damaged.getAndIncrement() == 0) {
                try {
                  Files.writeString(Path.of("/" + rel), "garbage!");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    h = new Harness(tmp, tuning, 3);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  Path write(String rel, String content) throws Exception {
    Path p = h.home.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void deleteDestinationExtraRemovesWhatTheSourceLacksButKeepsExcludedNames() throws Exception {
    write("src/keep.txt", "k");
    write("dst/keep.txt", "old");
    write("dst/extra.txt", "x");
    write("dst/extradir/inner.txt", "x");
    write("dst/protected.log", "x");
    ObjectNode body =
        Harness.transfer("/~/src", "/~/dst", true).put("delete_destination_extra", true);
    body.putArray("filter_rules")
        .addObject()
        .put("DATA_TYPE", "filter_rule")
        .put("method", "exclude")
        .put("name", "*.log");
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Files.readString(h.home.resolve("dst/keep.txt"))).isEqualTo("k");
    assertThat(h.home.resolve("dst/extra.txt")).doesNotExist();
    assertThat(h.home.resolve("dst/extradir")).doesNotExist();
    assertThat(h.home.resolve("dst/protected.log")).exists();
  }

  @Test
  void filterRulesFirstMatchWinsAndUnmatchedAreIncluded() throws Exception {
    write("src/a.txt", "a");
    write("src/b.tmp", "b");
    write("src/important.tmp", "i");
    write("src/cache/c.txt", "c");
    write("src/data/cache", "a file named cache");
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true);
    ArrayNode rules = body.putArray("filter_rules");
    rules.addObject().put("method", "include").put("name", "important.*");
    rules.addObject().put("method", "exclude").put("name", "*.tmp");
    rules.addObject().put("method", "exclude").put("name", "cache").put("type", "dir");
    assertThat(h.runToEnd(body).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(h.home.resolve("dst/a.txt")).exists();
    assertThat(h.home.resolve("dst/important.tmp")).exists();
    assertThat(h.home.resolve("dst/b.tmp")).doesNotExist();
    assertThat(h.home.resolve("dst/cache")).doesNotExist();
    assertThat(h.home.resolve("dst/data/cache")).isRegularFile();
  }

  @Test
  void verifyChecksumCopiesAgainOnMismatch() throws Exception {
    write("src/damage-me.txt", "the real content");
    write("src/fine.txt", "fine");
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true).put("verify_checksum", true);
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(damaged.get()).isGreaterThanOrEqualTo(1);
    assertThat(Files.readString(h.home.resolve("dst/damage-me.txt"))).isEqualTo("the real content");
    JsonNode details = done.get("details");
    assertThat(details.get("faults").asInt()).isEqualTo(1);
    assertThat(details.get("bytes_checksummed").asLong()).isPositive();
    assertThat(details.toString()).contains("CHECKSUM_MISMATCH");
  }

  @Test
  void preserveTimestampKeepsTheSourceMtime() throws Exception {
    Instant past = Instant.parse("2019-05-05T05:05:05Z");
    Files.setLastModifiedTime(write("src/a.txt", "a"), FileTime.from(past));
    h.runToEnd(
        Harness.transfer("/~/src/a.txt", "/~/kept.txt", false).put("preserve_timestamp", true));
    h.runToEnd(Harness.transfer("/~/src/a.txt", "/~/fresh.txt", false));
    assertThat(Files.getLastModifiedTime(h.home.resolve("kept.txt")).toInstant()).isEqualTo(past);
    assertThat(Files.getLastModifiedTime(h.home.resolve("fresh.txt")).toInstant()).isAfter(past);
  }

  @Test
  void missingSourceFailsWithTheReason() {
    JsonNode done = h.runToEnd(Harness.transfer("/~/nope.txt", "/~/x.txt", false));
    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.get("details").get("code").asText()).isEqualTo("FILE_NOT_FOUND");
    assertThat(done.get("details").get("description").asText()).contains("/~/nope.txt");
    assertThat(done.get("details").get("is_ok").asBoolean()).isFalse();
  }

  @Test
  void skipSourceErrorsSkipsMissingAndUnreadableSources() throws Exception {
    write("src/ok.txt", "ok");
    Path secret = write("src/locked.txt", "no");
    boolean canLock = secret.toFile().setReadable(false) && !Files.isReadable(secret);
    ObjectNode body = Harness.transfer("/~/src", "/~/dst", true).put("skip_source_errors", true);
    ((ArrayNode) body.get("transfer_items"))
        .addObject()
        .put("source_path", "/~/missing.txt")
        .put("destination_path", "/~/dst/missing.txt");
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(h.home.resolve("dst/ok.txt")).exists();
    assertThat(done.get("details").toString()).contains("FILE_NOT_FOUND");
    if (canLock) {
      assertThat(h.home.resolve("dst/locked.txt")).doesNotExist();
      assertThat(done.get("details").toString()).contains("PERMISSION_DENIED");
    }
  }

  @Test
  void symlinksAreIgnoredKeptOrCopied() throws Exception {
    write("src/target.txt", "t");
    Files.createSymbolicLink(h.home.resolve("src/link.txt"), Path.of("target.txt"));
    for (String mode : new String[] {"ignore", "keep", "copy"}) {
      JsonNode done =
          h.runToEnd(
              Harness.transfer("/~/src", "/~/" + mode, true).put("recursive_symlinks", mode));
      assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(done.get("details").get("symlinks").asInt()).isEqualTo(1);
    }
    assertThat(h.home.resolve("ignore/link.txt")).doesNotExist();
    assertThat(Files.isSymbolicLink(h.home.resolve("keep/link.txt"))).isTrue();
    assertThat(Files.isSymbolicLink(h.home.resolve("copy/link.txt"))).isFalse();
    assertThat(Files.readString(h.home.resolve("copy/link.txt"))).isEqualTo("t");
  }

  @Test
  void pathsCannotEscapeTheirEndpoint() throws Exception {
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "secret");
    write("src/a.txt", "a");
    Files.createSymbolicLink(h.home.resolve("src/escape.txt"), outside);
    Files.createSymbolicLink(h.home.resolve("escape-dir"), tmp);

    for (String path :
        new String[] {"/~/../outside.txt", outside.toString(), "/~/escape-dir/outside.txt"}) {
      JsonNode done = h.runToEnd(Harness.transfer(path, "/~/stolen.txt", false));
      assertThat(done.get("status").asText()).as(path).isEqualTo("FAILED");
      assertThat(done.get("details").get("code").asText())
          .as(path)
          .isEqualTo("PATH_OUTSIDE_ENDPOINT");
    }
    JsonNode intoOutside =
        h.runToEnd(Harness.transfer("/~/src/a.txt", tmp.resolve("planted.txt").toString(), false));
    assertThat(intoOutside.get("details").get("code").asText()).isEqualTo("PATH_OUTSIDE_ENDPOINT");
    JsonNode viaLink =
        h.runToEnd(Harness.transfer("/~/src", "/~/dst", true).put("recursive_symlinks", "copy"));
    assertThat(viaLink.get("status").asText()).isEqualTo("FAILED");
    assertThat(viaLink.get("details").get("code").asText()).isEqualTo("PATH_OUTSIDE_ENDPOINT");
    assertThat(h.home.resolve("stolen.txt")).doesNotExist();
    assertThat(tmp.resolve("planted.txt")).doesNotExist();
    assertThat(h.home.resolve("dst/escape.txt")).doesNotExist();
  }

  @Test
  void linksAtTheDestinationCannotCarryWritesOutside() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("victim.txt"), "untouched");
    write("src/sub/new.txt", "n");
    write("src/victim.txt", "overwrite");
    Files.createDirectories(h.home.resolve("dst"));
    Files.createSymbolicLink(h.home.resolve("dst/sub"), outside);
    Files.createSymbolicLink(h.home.resolve("dst/victim.txt"), outside.resolve("victim.txt"));
    JsonNode done = h.runToEnd(Harness.transfer("/~/src", "/~/dst", true));
    assertThat(done.get("details").get("code").asText()).isEqualTo("PATH_OUTSIDE_ENDPOINT");
    assertThat(outside.resolve("new.txt")).doesNotExist();
    assertThat(Files.readString(outside.resolve("victim.txt"))).isEqualTo("untouched");
  }

  @Test
  void aPassedDeadlineFailsTheTransfer() throws Exception {
    write("src/a.txt", "a");
    JsonNode done =
        h.runToEnd(
            Harness.transfer("/~/src", "/~/dst", true).put("deadline", "2001-01-01T00:00:00Z"));
    assertThat(done.get("details").get("code").asText()).isEqualTo("DEADLINE_EXCEEDED");
  }

  @Test
  void unknownEndpointFailsWithTheReason() {
    ObjectNode body =
        Harness.transfer("/~/a", "/~/b", false)
            .put("source_endpoint_id", java.util.UUID.randomUUID().toString());
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("details").get("code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
  }
}
