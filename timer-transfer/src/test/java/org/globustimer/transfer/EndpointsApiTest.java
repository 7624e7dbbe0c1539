package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsApiTest {

  @TempDir Path tmp;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  ObjectNode posix(String name, Path root) {
    return Json.mapper()
        .createObjectNode()
        .put("display_name", name)
        .put("type", "posix")
        .put("root", root.toString());
  }

  @Test
  void createListShowLsAndDeleteAPosixEndpoint() throws Exception {
    Path root = Files.createDirectories(h.home.resolve("data"));
    Files.writeString(root.resolve("a.txt"), "abc");
    Files.createDirectories(root.resolve("sub"));

    Harness.Reply created = h.post("/endpoints", "alice", posix("data", root));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("type").asText()).isEqualTo("posix");
    assertThat(created.json().get("owner").asText()).isEqualTo("alice");
    assertThat(created.json().has("created_at")).isTrue();

    JsonNode list = h.get("/endpoints", "alice").json().get("endpoints");
    assertThat(list.findValuesAsText("id")).contains(id, Harness.SEED_A, Harness.SEED_B);
    assertThat(h.get("/endpoints/" + id, "alice").json().get("display_name").asText())
        .isEqualTo("data");

    JsonNode ls = h.get("/endpoints/" + id + "/ls?path=/~/", "alice").json();
    assertThat(ls.get("endpoint_id").asText()).isEqualTo(id);
    assertThat(ls.get("DATA").findValuesAsText("name")).containsExactly("a.txt", "sub");
    JsonNode file = ls.get("DATA").get(0);
    assertThat(file.get("type").asText()).isEqualTo("file");
    assertThat(file.get("size").asLong()).isEqualTo(3);
    assertThat(file.get("permissions").asText()).matches("0[0-7]{3}");
    assertThat(file.has("last_modified")).isTrue();
    assertThat(ls.get("DATA").get(1).get("type").asText()).isEqualTo("dir");

    Harness.Reply deleted = h.call("DELETE", "/endpoints/" + id, "alice", null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().has("message")).isTrue();
    assertThat(h.get("/endpoints/" + id, "alice").status()).isEqualTo(404);
  }

  @Test
  void transferBetweenPosixEndpointsUsesTheirRoots() throws Exception {
    Path a = Files.createDirectories(h.home.resolve("a"));
    Path b = Files.createDirectories(h.home.resolve("b"));
    Files.writeString(a.resolve("f.txt"), "f");
    String src = h.post("/endpoints", "alice", posix("a", a)).json().get("id").asText();
    String dst = h.post("/endpoints", "alice", posix("b", b)).json().get("id").asText();
    ObjectNode body = Harness.transfer("/f.txt", "/~/copied/f.txt", false);
    body.put("source_endpoint_id", src).put("destination_endpoint_id", dst);
    assertThat(h.runToEnd(body).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Files.readString(b.resolve("copied/f.txt"))).isEqualTo("f");
  }

  @Test
  void anotherOwnersEndpointLooksUnknown() throws Exception {
    String id = h.post("/endpoints", "alice", posix("mine", h.home)).json().get("id").asText();
    Harness.Reply show = h.get("/endpoints/" + id, "bob");
    assertThat(show.status()).isEqualTo(404);
    assertThat(show.json().get("error").get("code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
    assertThat(h.get("/endpoints/" + id + "/ls", "bob").status()).isEqualTo(404);
    assertThat(h.call("DELETE", "/endpoints/" + id, "bob", null).status()).isEqualTo(404);
    assertThat(h.get("/endpoints", "bob").json().get("endpoints").findValuesAsText("id"))
        .doesNotContain(id);
    assertThat(h.get("/endpoints/" + id, "alice").status()).isEqualTo(200);

    ObjectNode body =
        Harness.transfer("/~/a", "/~/b", false)
            .put("source_endpoint_id", id)
            .put("destination_endpoint_id", id);
    ObjectNode request = Json.mapper().createObjectNode();
    request.set("body", body);
    String action =
        h.post("/transfer/transfer/run", "bob", request).json().get("action_id").asText();
    org.awaitility.Awaitility.await()
        .until(
            () ->
                h.get("/transfer/transfer/" + action + "/status", "bob")
                    .json()
                    .get("status")
                    .asText()
                    .equals("FAILED"));
    assertThat(
            h.get("/transfer/transfer/" + action + "/status", "bob")
                .json()
                .get("details")
                .get("code")
                .asText())
        .isEqualTo("ENDPOINT_NOT_FOUND");
  }

  @Test
  void secretsAreNeverEchoed() {
    ObjectNode sftp =
        Json.mapper()
            .createObjectNode()
            .put("display_name", "remote")
            .put("type", "sftp")
            .put("host", "127.0.0.1")
            .put("port", 2222)
            .put("username", "u")
            .put("password", "hunter2-secret");
    Harness.Reply created = h.post("/endpoints", "alice", sftp);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("type").asText()).isEqualTo("sftp");
    assertThat(created.json().get("host").asText()).isEqualTo("127.0.0.1");
    for (JsonNode doc :
        new JsonNode[] {
          created.json(),
          h.get("/endpoints/" + id, "alice").json(),
          h.get("/endpoints", "alice").json()
        }) {
      assertThat(doc.toString())
          .doesNotContain("hunter2-secret")
          .doesNotContain("password")
          .doesNotContain("secret");
    }
  }

  @Test
  void badInputGetsAClearClientError() throws Exception {
    assertThat(h.get("/endpoints/not-a-uuid", "alice").json().get("error").get("detail").asText())
        .contains("not-a-uuid");
    assertThat(h.get("/endpoints/not-a-uuid", "alice").status()).isEqualTo(404);
    assertThat(h.post("/endpoints", "alice", "{oops").status()).isEqualTo(400);
    assertThat(h.post("/endpoints", "alice", "[]").status()).isEqualTo(400);

    Harness.Reply noName =
        h.post(
            "/endpoints",
            "alice",
            Json.mapper().createObjectNode().put("type", "posix").put("root", h.home.toString()));
    assertThat(noName.status()).isEqualTo(422);
    assertThat(noName.json().at("/detail/0/loc").toString())
        .isEqualTo("[\"body\",\"display_name\"]");
    int before = h.get("/endpoints", "alice").json().get("endpoints").size();
    Harness.Reply longName = h.post("/endpoints", "alice", posix("x".repeat(10_000), h.home));
    assertThat(longName.status()).isEqualTo(422);
    assertThat(longName.json().at("/detail/0/loc/1").asText()).isEqualTo("display_name");
    assertThat(longName.json().at("/detail/0/msg").asText()).contains("255");
    Harness.Reply longRoot =
        h.post("/endpoints", "alice", posix("x", h.home).put("root", "/" + "r".repeat(5_000)));
    assertThat(longRoot.json().at("/detail/0/loc/1").asText()).isEqualTo("root");
    assertThat(h.get("/endpoints", "alice").json().get("endpoints").size()).isEqualTo(before);
    assertThat(h.post("/endpoints", "alice", posix("x", h.home).put("type", "ftp")).status())
        .isEqualTo(422);
    assertThat(h.post("/endpoints", "alice", posix("x", tmp)).status()).isEqualTo(422);
    assertThat(h.post("/endpoints", "alice", posix("x", h.home.resolve("missing"))).status())
        .isEqualTo(422);
    ObjectNode badKey =
        Json.mapper()
            .createObjectNode()
            .put("display_name", "k")
            .put("type", "sftp")
            .put("host", "h")
            .put("username", "u")
            .put("private_key", "not a key");
    assertThat(h.post("/endpoints", "alice", badKey).status()).isEqualTo(422);
    ObjectNode noCredential =
        Json.mapper()
            .createObjectNode()
            .put("display_name", "k")
            .put("type", "sftp")
            .put("host", "h")
            .put("username", "u");
    assertThat(h.post("/endpoints", "alice", noCredential).status()).isEqualTo(422);

    String local = Harness.SEED_A;
    assertThat(h.get("/endpoints/" + local + "/ls?path=/~/../", "alice").status()).isEqualTo(400);
    assertThat(h.get("/endpoints/" + local + "/ls?path=" + tmp, "alice").status()).isEqualTo(400);
    assertThat(h.get("/endpoints/" + local + "/ls?path=/~/missing", "alice").status())
        .isEqualTo(404);
    Harness.Reply tooLong =
        h.get("/endpoints/" + local + "/ls?path=/~/" + "a".repeat(300), "alice");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().at("/error/code").asText()).isEqualTo("NAME_TOO_LONG");
    assertThat(h.get("/endpoints", null).status()).isEqualTo(401);
  }

  @Test
  void registeringLocalEndpointsTwiceIsHarmless() {
    h.module().registerLocalEndpoints("alice");
    JsonNode list = h.get("/endpoints", "alice").json().get("endpoints");
    assertThat(list.size()).isEqualTo(3);
    assertThat(h.get("/endpoints/" + Harness.SEED_A + "/ls?path=/~/", "alice").status())
        .isEqualTo(200);
  }
}
