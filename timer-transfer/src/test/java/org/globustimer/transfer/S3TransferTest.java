package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.globustimer.transfer.copy.CopyTuning;
import org.globustimer.transfer.testkit.S3Requests;
import org.globustimer.transfer.testkit.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transfers to, from and within buckets of a real S3 server (s3proxy over a directory). */
class S3TransferTest {

  static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant MID = Instant.parse("2022-01-01T00:00:00Z");
  static final Instant NEW = Instant.parse("2024-01-01T00:00:00Z");
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  @TempDir static Path serverDir;
  static S3Server server;

  @TempDir Path tmp;
  Harness h;
  S3Fixture s3;
  String bucket;
  String endpoint;

  @BeforeAll
  static void startServer() {
    server = S3Server.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
    s3 = new S3Fixture(h, server);
    bucket = server.bucket("bucket-" + BUCKETS.incrementAndGet());
    endpoint = s3.endpoint(bucket, "backup/");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  static void file(Path p, String content, Instant mtime) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, FileTime.from(mtime));
  }

  @Test
  void anEndpointShowsWhereItsObjectsAreAndNeverItsSecret() {
    JsonNode doc = h.get("/endpoints/" + endpoint, "alice").json();
    assertThat(doc.get("type").asText()).isEqualTo("s3");
    assertThat(doc.get("bucket").asText()).isEqualTo(bucket);
    assertThat(doc.get("prefix").asText()).isEqualTo("backup/");
    assertThat(doc.get("addressing").asText()).isEqualTo("path");
    assertThat(doc.get("verify_tls").asBoolean()).isTrue();
    assertThat(doc.get("access_key_id").asText()).isEqualTo(S3Server.ACCESS_KEY);
    assertThat(doc.toString()).doesNotContain(S3Server.SECRET_KEY);
    assertThat(h.get("/endpoints", "alice").json().toString()).doesNotContain(S3Server.SECRET_KEY);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
    "bucket, '', bucket, field required",
    "service_url, 'ftp://x', service_url, must be the S3 server's",
    "prefix, 'a/../b', prefix, segments joined",
    "addressing, 'sideways', addressing, '\"path\"'",
    "credentials, 'maybe', credentials, '\"keys\"'",
    "secret_access_key, '', secret_access_key, field required",
  })
  void aBadEndpointIsRefusedWithWhatToFix(
      String field, String value, String named, String message) {
    ObjectNode body = s3.endpointBody(bucket, "");
    if (value.isEmpty()) {
      body.remove(field);
    } else {
      body.put(field, value);
    }
    Harness.Reply r = h.post("/endpoints", "alice", body);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().at("/detail/0/loc/1").asText()).as("%s", r.json()).isEqualTo(named);
    assertThat(r.json().at("/detail/0/msg").asText()).as("%s", r.json()).startsWith(message);
    assertThat(h.get("/endpoints", "alice").json().get("endpoints")).hasSize(4);
  }

  @Test
  void aTreeGoesIntoTheBucketAndComesBackWithItsTimes() throws Exception {
    Path src = h.home.resolve("src");
    file(src.resolve("a.txt"), "alpha", MID);
    file(src.resolve("empty"), "", OLD);
    file(src.resolve("deep/er/b.txt"), "beta", NEW);
    byte[] large = new byte[72 << 20];
    new Random(3).nextBytes(large);
    Files.write(src.resolve("deep/large.bin"), large);
    Files.setLastModifiedTime(src.resolve("deep/large.bin"), FileTime.from(MID));

    ObjectNode up = S3Fixture.transfer(Harness.SEED_A, endpoint, "/~/src", "/tree", true);
    up.put("preserve_timestamp", true).put("verify_checksum", true);
    JsonNode done = h.runToEnd(up);
    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    assertThat(done.get("details").get("files_transferred").asInt()).isEqualTo(4);
    assertThat(s3.read(bucket, "backup/tree/deep/er/b.txt")).isEqualTo("beta");
    assertThat(s3.mtime(bucket, "backup/tree/deep/er/b.txt")).isEqualTo(NEW);
    assertThat(s3.read(bucket, "backup/tree/empty")).isEmpty();
    assertThat(s3.openUploads(bucket)).isZero();
    // the multipart object's kept mtime is known from its completion, as a single request's is
    assertThat(h.rows("transfer_object_mtimes")).isEqualTo(4);
    ObjectNode again = up.deepCopy().put("sync_level", 2);
    again.remove("verify_checksum");
    S3Requests.watch(bucket);
    try {
      assertThat(h.runToEnd(again).get("details").get("files_transferred").asInt()).isZero();
      assertThat(S3Requests.take(bucket)).doesNotContain("HeadObject");
    } finally {
      S3Requests.unwatch(bucket);
    }

    JsonNode tree = h.get("/endpoints/" + endpoint + "/ls?path=/tree&tree=true", "alice").json();
    List<String> names = new ArrayList<>();
    tree.get("DATA").forEach(e -> names.add(e.get("name").asText()));
    assertThat(names)
        .containsExactly("a.txt", "deep", "deep/er", "deep/er/b.txt", "deep/large.bin", "empty");
    assertThat(tree.get("truncated").asBoolean()).isFalse();

    ObjectNode down = S3Fixture.transfer(endpoint, Harness.SEED_B, "/tree", "/~/back", true);
    down.put("preserve_timestamp", true).put("verify_checksum", true);
    JsonNode back = h.runToEnd(down);
    assertThat(back.get("status").asText()).as("%s", back).isEqualTo("SUCCEEDED");
    Path copy = h.home.resolve("back");
    assertThat(Files.mismatch(copy.resolve("deep/large.bin"), src.resolve("deep/large.bin")))
        .isEqualTo(-1);
    assertThat(Files.readString(copy.resolve("a.txt"))).isEqualTo("alpha");
    assertThat(Files.getLastModifiedTime(copy.resolve("deep/er/b.txt")).toInstant()).isEqualTo(NEW);
    assertThat(Files.getLastModifiedTime(copy.resolve("deep/large.bin")).toInstant())
        .isEqualTo(MID);
  }

  /**
   * As in SyncLevelTest, with the bucket on either side: "new" is missing at the destination;
   * "stale" has the same size, other content and an older mtime; "newer" another size and a newer
   * mtime; "same" identical content and an older mtime.
   */
  @ParameterizedTest(name = "{0}, sync_level {1} copies {2}")
  @CsvSource({
    "to-s3, '', new stale newer same",
    "to-s3, 0, new",
    "to-s3, 1, new newer",
    "to-s3, 2, new stale same",
    "to-s3, 3, new stale newer",
    "from-s3, 0, new",
    "from-s3, 1, new newer",
    "from-s3, 2, new stale same",
    "from-s3, 3, new stale newer",
  })
  void syncLevelDecidesWhichFilesAreCopied(String direction, String level, String expected)
      throws Exception {
    boolean toS3 = direction.equals("to-s3");
    Side source = toS3 ? posix("src") : bucketSide("src/");
    Side destination = toS3 ? bucketSide("dst/") : posix("dst");
    source.put("new.txt", "new source", MID);
    source.put("stale.txt", "AAAA", MID);
    destination.put("stale.txt", "BBBB", OLD);
    source.put("newer.txt", "short", MID);
    destination.put("newer.txt", "much longer", NEW);
    source.put("same.txt", "identical", MID);
    destination.put("same.txt", "identical", OLD);

    ObjectNode body =
        S3Fixture.transfer(
            source.endpoint(), destination.endpoint(), source.root(), destination.root(), true);
    if (!level.isEmpty()) {
      body.put("sync_level", Integer.parseInt(level));
    }
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");

    Set<String> copied = new TreeSet<>();
    for (String name : List.of("new", "stale", "newer", "same")) {
      Instant before = name.equals("newer") ? NEW : OLD;
      if (!before.equals(destination.mtime(name + ".txt"))) {
        copied.add(name);
        assertThat(destination.read(name + ".txt")).isEqualTo(source.read(name + ".txt"));
      }
    }
    Set<String> want = new TreeSet<>(Set.of(expected.split(" ")));
    assertThat(copied).isEqualTo(want);
    JsonNode details = done.get("details");
    assertThat(details.get("files_transferred").asInt()).isEqualTo(want.size());
    assertThat(details.get("files_skipped").asInt()).isEqualTo(4 - want.size());
  }

  @Test
  void aLevel2ReSyncTakesKeptTimesFromTheListingOnlyWhileTheETagIsUnchanged() throws Exception {
    Side source = posix("src");
    source.put("a.txt", "alpha", MID);
    source.put("sub/b.txt", "bravo", MID);
    source.put("sub/deeper/c.txt", "charlie", MID);
    ObjectNode body = S3Fixture.transfer(Harness.SEED_A, endpoint, "/~/src", "/dst/", true);
    body.put("preserve_timestamp", true).put("sync_level", 2);
    assertThat(h.runToEnd(body).get("details").get("files_transferred").asInt()).isEqualTo(3);
    assertThat(h.rows("transfer_object_mtimes")).isEqualTo(3);
    // rewritten behind our back: a new ETag, and an older kept mtime than the source's
    s3.put(bucket, "backup/dst/sub/b.txt", "BRAVO, changed", OLD);

    JsonNode again = h.runToEnd(body).get("details");
    assertThat(again.get("files_transferred").asInt()).isEqualTo(1);
    assertThat(again.get("files_skipped").asInt()).isEqualTo(2);
    assertThat(s3.read(bucket, "backup/dst/sub/b.txt")).isEqualTo("bravo");
    JsonNode unchanged = h.runToEnd(body).get("details");
    assertThat(unchanged.get("files_transferred").asInt()).isZero();
    assertThat(unchanged.get("files_skipped").asInt()).isEqualTo(3);
  }

  @Test
  void anUnchangedLevel2ReSyncSendsOneListingPerDirectoryAndNoRequestPerObject() throws Exception {
    Side source = posix("tree");
    source.put("top.txt", "top", MID);
    int files = 1;
    int dirs = 1;
    for (int i = 0; i < 10; i++) {
      source.put("d" + i + "/a.txt", "a" + i, MID);
      source.put("d" + i + "/b.txt", "b" + i, MID);
      files += 2;
      dirs++;
      if (i % 2 == 0) {
        source.put("d" + i + "/sub/c.txt", "c" + i, MID);
        files++;
        dirs++;
      }
    }
    ObjectNode body = S3Fixture.transfer(Harness.SEED_A, endpoint, "/~/tree", "/dst/", true);
    body.put("preserve_timestamp", true).put("sync_level", 2);
    S3Requests.watch(bucket);
    try {
      assertThat(h.runToEnd(body).get("details").get("files_transferred").asInt()).isEqualTo(files);
      assertThat(S3Requests.take(bucket)).filteredOn("PutObject"::equals).hasSize(files);

      JsonNode unchanged = h.runToEnd(body).get("details");
      assertThat(unchanged.get("files_transferred").asInt()).isZero();
      assertThat(unchanged.get("files_skipped").asInt()).isEqualTo(files);
      // the endpoint's probe, then each directory once (the root's listing also says it is one),
      // each with a delimiter: without one, s3proxy walks every key below the prefix per page
      assertThat(S3Requests.take(bucket)).hasSize(1 + dirs).containsOnly("ListObjectsV2");

      source.put("d4/sub/c.txt", "c4, changed", NEW);
      assertThat(h.runToEnd(body).get("details").get("files_transferred").asInt()).isEqualTo(1);
      assertThat(s3.read(bucket, "backup/dst/d4/sub/c.txt")).isEqualTo("c4, changed");
      S3Requests.take(bucket);
      assertThat(h.runToEnd(body).get("details").get("files_transferred").asInt()).isZero();
      assertThat(S3Requests.take(bucket)).hasSize(1 + dirs).containsOnly("ListObjectsV2");

      // a tree the source lacks is deleted a directory per listing too
      for (String key : List.of("extra/x.txt", "extra/deeper/y.txt", "d3/extra/z.txt")) {
        s3.put(bucket, "backup/dst/" + key, key, OLD);
      }
      S3Requests.take(bucket);
      body.put("delete_destination_extra", true);
      assertThat(h.runToEnd(body).get("details").get("files_deleted").asInt()).isEqualTo(2);
      assertThat(S3Requests.take(bucket)).doesNotContain("ListObjectsV2 without delimiter");
      assertThat(s3.exists(bucket, "backup/dst/extra/deeper/y.txt")).isFalse();
      assertThat(s3.exists(bucket, "backup/dst/d3/extra/z.txt")).isFalse();
      assertThat(s3.read(bucket, "backup/dst/d3/a.txt")).isEqualTo("a3");
    } finally {
      S3Requests.unwatch(bucket);
    }
  }

  @Test
  void deleteDestinationExtraAndFilterRulesApplyToObjects() throws Exception {
    Path src = h.home.resolve("src");
    file(src.resolve("keep.txt"), "keep", MID);
    file(src.resolve("skip.tmp"), "skip", MID);
    file(src.resolve("sub/in.txt"), "in", MID);
    s3.put(bucket, "backup/mirror/extra.txt", "extra", OLD);
    s3.put(bucket, "backup/mirror/gone/deep.txt", "gone", OLD);
    s3.put(bucket, "outside.txt", "not ours", OLD);

    ObjectNode body = S3Fixture.transfer(Harness.SEED_A, endpoint, "/~/src", "/mirror", true);
    body.put("delete_destination_extra", true);
    body.putArray("filter_rules")
        .addObject()
        .put("method", "exclude")
        .put("name", "*.tmp")
        .put("type", "file");
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");

    assertThat(s3.read(bucket, "backup/mirror/keep.txt")).isEqualTo("keep");
    assertThat(s3.read(bucket, "backup/mirror/sub/in.txt")).isEqualTo("in");
    assertThat(s3.exists(bucket, "backup/mirror/skip.tmp")).isFalse();
    assertThat(s3.exists(bucket, "backup/mirror/extra.txt")).isFalse();
    assertThat(s3.exists(bucket, "backup/mirror/gone/deep.txt")).isFalse();
    assertThat(s3.exists(bucket, "outside.txt")).isTrue();
    assertThat(done.get("details").get("files_deleted").asInt()).isEqualTo(2);
  }

  @Test
  void betweenTwoBucketsOfOneServerTheCopyKeepsContentAndTimes() throws Exception {
    String other = server.bucket("bucket-" + BUCKETS.incrementAndGet());
    String otherEndpoint = s3.endpoint(other, "");
    s3.put(bucket, "backup/data/one.txt", "one", MID);
    s3.put(bucket, "backup/data/two/two.txt", "two", NEW);

    ObjectNode body = S3Fixture.transfer(endpoint, otherEndpoint, "/data", "/copy", true);
    body.put("preserve_timestamp", true).put("sync_level", 2);
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    assertThat(s3.read(other, "copy/one.txt")).isEqualTo("one");
    assertThat(s3.read(other, "copy/two/two.txt")).isEqualTo("two");
    assertThat(s3.mtime(other, "copy/two/two.txt")).isEqualTo(NEW);

    JsonNode again = h.runToEnd(body);
    assertThat(again.get("details").get("files_transferred").asInt()).isZero();
    assertThat(again.get("details").get("files_skipped").asInt()).isEqualTo(2);
  }

  @Test
  void betweenAnSftpServerAndTheBucketBothWays() throws Exception {
    Path remote = Files.createDirectories(tmp.resolve("sftp-root"));
    file(remote.resolve("outbox/report.txt"), "report", MID);
    byte[] large = new byte[1 << 20];
    new Random(9).nextBytes(large);
    Files.write(remote.resolve("outbox/scan.bin"), large);
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(tmp.resolve("hostkey.ser")));
    sshd.setPasswordAuthenticator((user, password, session) -> password.equals("pw"));
    sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(remote));
    sshd.start();
    try {
      ObjectNode sftpBody =
          org.globustimer.core.json.Json.mapper()
              .createObjectNode()
              .put("display_name", "instrument")
              .put("type", "sftp")
              .put("host", "127.0.0.1")
              .put("port", sshd.getPort())
              .put("username", "tester")
              .put("password", "pw");
      String sftp = s3.create(sftpBody);

      ObjectNode up = S3Fixture.transfer(sftp, endpoint, "/outbox", "/from-sftp", true);
      up.put("preserve_timestamp", true).put("verify_checksum", true);
      JsonNode uploaded = h.runToEnd(up);
      assertThat(uploaded.get("status").asText()).as("%s", uploaded).isEqualTo("SUCCEEDED");
      assertThat(s3.read(bucket, "backup/from-sftp/report.txt")).isEqualTo("report");
      assertThat(s3.mtime(bucket, "backup/from-sftp/report.txt")).isEqualTo(MID);

      ObjectNode down = S3Fixture.transfer(endpoint, sftp, "/from-sftp", "/inbox", true);
      down.put("preserve_timestamp", true);
      JsonNode downloaded = h.runToEnd(down);
      assertThat(downloaded.get("status").asText()).as("%s", downloaded).isEqualTo("SUCCEEDED");
      assertThat(
              Files.mismatch(remote.resolve("outbox/scan.bin"), remote.resolve("inbox/scan.bin")))
          .isEqualTo(-1);
      assertThat(Files.getLastModifiedTime(remote.resolve("inbox/report.txt")).toInstant())
          .isEqualTo(MID);
    } finally {
      sshd.stop(true);
    }
  }

  @Test
  void aCanceledUploadLeavesNoPartsOnTheServer() throws Exception {
    h.close();
    CopyTuning slow = new CopyTuning(8 << 20, () -> LockSupport.parkNanos(300_000_000L), r -> {});
    h = new Harness(tmp.resolve("slow"), slow, 1);
    s3 = new S3Fixture(h, server);
    endpoint = s3.endpoint(bucket, "backup/");
    byte[] large = new byte[96 << 20];
    new Random(5).nextBytes(large);
    Files.write(Files.createDirectories(h.home.resolve("src")).resolve("large.bin"), large);

    String id =
        h.run(
            S3Fixture.transfer(Harness.SEED_A, endpoint, "/~/src/large.bin", "/large.bin", false));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> s3.openUploads(bucket) > 0);
    Harness.Reply canceled = h.post("/transfer/transfer/" + id + "/cancel", "alice", null);
    assertThat(canceled.status()).isEqualTo(200);
    h.awaitFinal(id);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> s3.openUploads(bucket) == 0);
    assertThat(s3.exists(bucket, "backup/large.bin")).isFalse();
  }

  @Test
  void badCredentialsAMissingBucketAndRefusedAccessEndTheTransferClearly() throws Exception {
    file(h.home.resolve("src/a.txt"), "a", MID);
    ObjectNode wrongSecret = s3.endpointBody(bucket, "").put("secret_access_key", "wrong");
    ObjectNode noBucket = s3.endpointBody("no-such-bucket", "");
    ObjectNode anonymous = s3.endpointBody(bucket, "");
    anonymous.remove("access_key_id");
    anonymous.remove("secret_access_key");
    anonymous.put("credentials", "anonymous");

    assertFails(wrongSecret, "AUTHENTICATION_FAILED", "refused the endpoint's credentials");
    assertFails(noBucket, "BUCKET_NOT_FOUND", "the bucket no-such-bucket does not exist");
    assertFails(anonymous, "PERMISSION_DENIED", "access denied by");

    Harness.Reply ls = h.get("/endpoints/" + s3.create(wrongSecret) + "/ls?path=/", "alice");
    assertThat(ls.status()).isEqualTo(403);
    assertThat(ls.json().path("error").path("code").asText()).isEqualTo("AUTHENTICATION_FAILED");
  }

  private void assertFails(ObjectNode endpointBody, String code, String message) {
    String id = s3.create(endpointBody);
    JsonNode done = h.runToEnd(S3Fixture.transfer(Harness.SEED_A, id, "/~/src", "/dst", true));
    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.get("details").get("code").asText()).isEqualTo(code);
    assertThat(done.get("details").get("description").asText()).contains(message);
  }

  /** One side of a transfer: a directory of the local home or a prefix of the bucket. */
  interface Side {
    String endpoint();

    String root();

    void put(String name, String content, Instant mtime) throws Exception;

    String read(String name) throws Exception;

    Instant mtime(String name) throws Exception;
  }

  Side posix(String dir) {
    Path root = h.home.resolve(dir);
    return new Side() {
      public String endpoint() {
        return Harness.SEED_A;
      }

      public String root() {
        return "/~/" + dir;
      }

      public void put(String name, String content, Instant mtime) throws Exception {
        file(root.resolve(name), content, mtime);
      }

      public String read(String name) throws Exception {
        return Files.readString(root.resolve(name));
      }

      public Instant mtime(String name) throws Exception {
        return Files.getLastModifiedTime(root.resolve(name)).toInstant();
      }
    };
  }

  Side bucketSide(String prefix) {
    return new Side() {
      public String endpoint() {
        return endpoint;
      }

      public String root() {
        return "/" + prefix;
      }

      public void put(String name, String content, Instant mtime) {
        s3.put(bucket, "backup/" + prefix + name, content, mtime);
      }

      public String read(String name) {
        return s3.read(bucket, "backup/" + prefix + name);
      }

      public Instant mtime(String name) {
        return s3.mtime(bucket, "backup/" + prefix + name);
      }
    };
  }
}
