package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpTransferTest {

  @TempDir Path tmp;
  Harness h;
  SshServer sshd;
  Path remote;
  KeyPair userKey;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
    remote = Files.createDirectories(tmp.resolve("remote"));
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    userKey = gen.generateKeyPair();
    sshd = server(tmp.resolve("hostkey.ser"), 0);
  }

  private SshServer server(Path hostKey, int port) throws java.io.IOException {
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(port);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
    server.setPasswordAuthenticator(
        (user, password, session) -> user.equals("tester") && password.equals("pw"));
    server.setPublickeyAuthenticator(
        (user, key, session) ->
            user.equals("keyed") && KeyUtils.compareKeys(key, userKey.getPublic()));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(remote));
    server.start();
    return server;
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
    sshd.stop(true);
  }

  String sftpEndpoint(ObjectNode credentials, int port) {
    ObjectNode body =
        Json.mapper()
            .createObjectNode()
            .put("display_name", "remote")
            .put("type", "sftp")
            .put("host", "127.0.0.1")
            .put("port", port)
            .put("root", "/");
    body.setAll(credentials);
    Harness.Reply r = h.post("/endpoints", "alice", body);
    assertThat(r.status()).as("%s", r.json()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  String passwordEndpoint() {
    return sftpEndpoint(
        Json.mapper().createObjectNode().put("username", "tester").put("password", "pw"),
        sshd.getPort());
  }

  ObjectNode transfer(String src, String srcPath, String dst, String dstPath, boolean recursive) {
    ObjectNode body = Harness.transfer(srcPath, dstPath, recursive);
    return body.put("source_endpoint_id", src).put("destination_endpoint_id", dst);
  }

  @Test
  void theServersKeyIsPinnedAtFirstUseAndAChangedKeyIsRefused() throws Exception {
    String sftp = passwordEndpoint();
    Files.writeString(h.home.resolve("f.txt"), "f");
    JsonNode first = h.runToEnd(transfer(Harness.SEED_A, "/~/f.txt", sftp, "/f.txt", false));
    assertThat(first.get("status").asText()).as("%s", first).isEqualTo("SUCCEEDED");
    String pinned =
        h.get("/endpoints/" + sftp, "alice").json().get("host_key_fingerprint").asText();
    assertThat(pinned).startsWith("SHA256:");

    int port = sshd.getPort();
    sshd.stop(true);
    sshd = server(tmp.resolve("other-hostkey.ser"), port);
    JsonNode refused = h.runToEnd(transfer(Harness.SEED_A, "/~/f.txt", sftp, "/g.txt", false));

    assertThat(refused.get("status").asText()).isEqualTo("FAILED");
    assertThat(refused.get("details").get("code").asText()).isEqualTo("HOST_KEY_CHANGED");
    assertThat(refused.get("details").get("description").asText()).contains(pinned);
    assertThat(remote.resolve("g.txt")).doesNotExist();
  }

  @Test
  void uploadsATreeToSftpAndDownloadsItBack() throws Exception {
    String sftp = passwordEndpoint();
    Path up = Files.createDirectories(h.home.resolve("up/nested"));
    byte[] big = new byte[3 << 20];
    new Random(1).nextBytes(big);
    Files.write(up.resolve("big.bin"), big);
    Files.writeString(h.home.resolve("up/small.txt"), "small");
    Instant past = Instant.parse("2021-02-03T04:05:06Z");
    Files.setLastModifiedTime(h.home.resolve("up/small.txt"), FileTime.from(past));

    JsonNode upload =
        h.runToEnd(
            transfer(Harness.SEED_A, "/~/up", sftp, "/incoming", true)
                .put("preserve_timestamp", true)
                .put("verify_checksum", true));
    assertThat(upload.get("status").asText()).as("%s", upload).isEqualTo("SUCCEEDED");
    assertThat(Files.mismatch(up.resolve("big.bin"), remote.resolve("incoming/nested/big.bin")))
        .isEqualTo(-1);
    assertThat(Files.getLastModifiedTime(remote.resolve("incoming/small.txt")).toInstant())
        .isEqualTo(past);
    try (var files = Files.list(remote.resolve("incoming"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("nested", "small.txt");
    }

    Files.writeString(remote.resolve("incoming/remote-only.txt"), "from remote");
    JsonNode download =
        h.runToEnd(
            transfer(sftp, "/incoming", Harness.SEED_B, "/~/down", true).put("sync_level", 1));
    assertThat(download.get("status").asText()).as("%s", download).isEqualTo("SUCCEEDED");
    assertThat(Files.mismatch(up.resolve("big.bin"), h.home.resolve("down/nested/big.bin")))
        .isEqualTo(-1);
    assertThat(Files.readString(h.home.resolve("down/remote-only.txt"))).isEqualTo("from remote");

    JsonNode again =
        h.runToEnd(
            transfer(sftp, "/incoming", Harness.SEED_B, "/~/down", true).put("sync_level", 1));
    assertThat(again.get("details").get("files_transferred").asInt()).isZero();
    assertThat(again.get("details").get("files_skipped").asInt()).isEqualTo(3);

    JsonNode ls = h.get("/endpoints/" + sftp + "/ls?path=/incoming", "alice").json();
    assertThat(ls.get("DATA").findValuesAsText("name"))
        .containsExactly("nested", "remote-only.txt", "small.txt");
  }

  @Test
  void privateKeyCredentialsWork() throws Exception {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(userKey.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    String sftp =
        sftpEndpoint(
            Json.mapper().createObjectNode().put("username", "keyed").put("private_key", pem),
            sshd.getPort());
    assertThat(h.get("/endpoints/" + sftp, "alice").json().toString())
        .doesNotContain("PRIVATE KEY");
    Files.writeString(h.home.resolve("k.txt"), "key");
    JsonNode done = h.runToEnd(transfer(Harness.SEED_A, "/~/k.txt", sftp, "/k.txt", false));
    assertThat(done.get("status").asText()).as("%s", done).isEqualTo("SUCCEEDED");
    assertThat(Files.readString(remote.resolve("k.txt"))).isEqualTo("key");
  }

  @Test
  void missingRemoteSourceAndUnreachableHostFailWithTheReason() throws Exception {
    String sftp = passwordEndpoint();
    JsonNode missing = h.runToEnd(transfer(sftp, "/nope.txt", Harness.SEED_B, "/~/x.txt", false));
    assertThat(missing.get("details").get("code").asText()).isEqualTo("FILE_NOT_FOUND");

    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String dead =
        sftpEndpoint(
            Json.mapper().createObjectNode().put("username", "tester").put("password", "pw"),
            closedPort);
    Files.writeString(h.home.resolve("f.txt"), "f");
    JsonNode unreachable = h.runToEnd(transfer(Harness.SEED_A, "/~/f.txt", dead, "/f.txt", false));
    assertThat(unreachable.get("status").asText()).isEqualTo("FAILED");
    assertThat(unreachable.get("details").get("code").asText()).isEqualTo("ENDPOINT_ERROR");
    assertThat(unreachable.get("details").get("description").asText())
        .contains("127.0.0.1:" + closedPort);

    String wrongPassword =
        sftpEndpoint(
            Json.mapper().createObjectNode().put("username", "tester").put("password", "bad"),
            sshd.getPort());
    JsonNode denied =
        h.runToEnd(transfer(Harness.SEED_A, "/~/f.txt", wrongPassword, "/f.txt", false));
    assertThat(denied.get("details").get("code").asText()).isEqualTo("ENDPOINT_ERROR");
  }

  @Test
  void remotePathsCannotEscapeTheRoot() throws Exception {
    String sftp = passwordEndpoint();
    JsonNode done = h.runToEnd(transfer(sftp, "/../etc/passwd", Harness.SEED_B, "/~/p", false));
    assertThat(done.get("details").get("code").asText()).isEqualTo("PATH_OUTSIDE_ENDPOINT");
    assertThat(h.get("/endpoints/" + sftp + "/ls?path=/../", "alice").status()).isEqualTo(400);
  }
}
