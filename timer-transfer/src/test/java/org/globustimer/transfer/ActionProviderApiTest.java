package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.copy.CopyTuning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionProviderApiTest {

  @TempDir Path tmp;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    // a slowed copier, so a large file stays in flight long enough to cancel it
    h =
        new Harness(
            tmp, new CopyTuning(64 * 1024, () -> LockSupport.parkNanos(5_000_000), rel -> {}), 2);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void introspectionDescribesTheProvider() {
    Harness.Reply r = h.get("/transfer/transfer/", "alice");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("api_version").asText()).isEqualTo("1.0");
    assertThat(r.json().get("synchronous").asBoolean()).isFalse();
    assertThat(r.json().get("input_schema").get("properties").has("transfer_items")).isTrue();
    for (String field :
        new String[] {
          "title",
          "globus_auth_scope",
          "runnable_by",
          "visible_to",
          "admin_contact",
          "maximum_deadline",
          "log_supported"
        }) {
      assertThat(r.json().has(field)).as(field).isTrue();
    }
  }

  @Test
  void seedQuickstartCopiesAFileGivenAsAbsoluteHomePath() throws Exception {
    Files.writeString(h.home.resolve("file1.txt"), "hello");
    JsonNode done =
        h.runToEnd(
            Harness.transfer(h.home.resolve("file1.txt").toString(), "/~/new_file1.txt", false));
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Files.readString(h.home.resolve("new_file1.txt"))).isEqualTo("hello");
    JsonNode details = done.get("details");
    assertThat(details.get("files_transferred").asInt()).isEqualTo(1);
    assertThat(details.get("bytes_transferred").asLong()).isEqualTo(5);
    assertThat(details.get("event_list").isArray()).isTrue();
    assertThat(done.get("completion_time").isNull()).isFalse();
  }

  @Test
  void transferDocumentShapeIsAccepted() throws Exception {
    Files.createDirectories(h.home.resolve("in/sub"));
    Files.writeString(h.home.resolve("in/sub/a.txt"), "a");
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("DATA_TYPE", "transfer")
        .put("source_endpoint", Harness.SEED_A)
        .put("destination_endpoint", Harness.SEED_B);
    body.putArray("DATA")
        .addObject()
        .put("DATA_TYPE", "transfer_item")
        .put("source_path", "/~/in")
        .put("destination_path", "/~/out")
        .put("recursive", true);
    JsonNode done = h.runToEnd(body);
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Files.readString(h.home.resolve("out/sub/a.txt"))).isEqualTo("a");
  }

  @Test
  void repeatedRequestIdAnswersTheSameActionOnlyForTheSameOwner() throws Exception {
    Files.writeString(h.home.resolve("f.txt"), "x");
    ObjectNode request = Json.mapper().createObjectNode().put("request_id", "tick-1");
    request.set("body", Harness.transfer("/~/f.txt", "/~/g.txt", false));
    Harness.Reply first = h.post("/transfer/transfer/run", "alice", request);
    Harness.Reply again = h.post("/transfer/transfer/actions", "alice", request);
    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("action_id")).isEqualTo(first.json().get("action_id"));
    Harness.Reply other = h.post("/transfer/transfer/run", "bob", request);
    assertThat(other.json().get("action_id")).isNotEqualTo(first.json().get("action_id"));
  }

  @Test
  void bodyFailingTheSchemaIs400NamingTheField() {
    ObjectNode request = Json.mapper().createObjectNode();
    ObjectNode body = Harness.transfer("/~/a", "/~/b", false).put("sync_level", 7);
    request.set("body", body);
    Harness.Reply r = h.post("/transfer/transfer/run", "alice", request);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("status_code").asInt()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isNotBlank();
    assertThat(r.json().get("description").asText()).startsWith("sync_level:");

    body.remove("sync_level");
    ((ObjectNode) body.get("transfer_items").get(0)).remove("source_path");
    r = h.post("/transfer/transfer/run", "alice", request);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("description").asText()).contains("transfer_items[0].source_path");

    assertThat(h.post("/transfer/transfer/run", "alice", "{not json").status()).isEqualTo(400);
    assertThat(h.post("/transfer/transfer/run", "alice", "{}").json().get("description").asText())
        .startsWith("body:");
  }

  @Test
  void unknownReleasedAndOtherOwnersActionsAre404() throws Exception {
    Files.writeString(h.home.resolve("f.txt"), "x");
    String id = h.run(Harness.transfer("/~/f.txt", "/~/g.txt", false));
    h.awaitFinal(id);
    assertThat(h.get("/transfer/transfer/" + id + "/status", "bob").status()).isEqualTo(404);
    assertThat(h.get("/transfer/transfer/not-a-uuid/status", "alice").status()).isEqualTo(404);
    assertThat(h.get("/transfer/transfer/actions/" + java.util.UUID.randomUUID(), "alice").status())
        .isEqualTo(404);
    assertThat(h.get("/transfer/transfer/actions/" + id, "alice").status()).isEqualTo(200);
    assertThat(h.post("/transfer/transfer/" + id + "/cancel", "alice", null).status())
        .isEqualTo(409);
    assertThat(h.post("/transfer/transfer/" + id + "/release", "alice", null).status())
        .isEqualTo(200);
    Harness.Reply gone = h.get("/transfer/transfer/" + id + "/status", "alice");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("status_code").asInt()).isEqualTo(404);
    assertThat(h.call("DELETE", "/transfer/transfer/actions/" + id, "alice", null).status())
        .isEqualTo(404);
    assertThat(h.get("/transfer/transfer/" + id + "/status", null).status()).isEqualTo(401);
  }

  @Test
  void cancelStopsARunningTransferAndReleaseRefusesAnActiveOne() throws Exception {
    Files.write(h.home.resolve("big.bin"), new byte[16 << 20]);
    String id = h.run(Harness.transfer("/~/big.bin", "/~/copy.bin", false));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                h.get("/transfer/transfer/" + id + "/status", "alice")
                        .json()
                        .get("details")
                        .get("bytes_transferred")
                        .asLong()
                    > 0);
    assertThat(h.call("DELETE", "/transfer/transfer/actions/" + id, "alice", null).status())
        .isEqualTo(409);
    Harness.Reply canceled = h.post("/transfer/transfer/" + id + "/cancel", "alice", null);
    assertThat(canceled.status()).isEqualTo(200);
    assertThat(canceled.json().get("status").asText()).isEqualTo("FAILED");
    assertThat(canceled.json().get("details").get("code").asText()).isEqualTo("CANCELED");
    assertThat(h.post("/transfer/transfer/" + id + "/cancel", "alice", null).status())
        .isEqualTo(409);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> Files.list(h.home).noneMatch(p -> p.getFileName().toString().endsWith(".part")));
    assertThat(h.home.resolve("copy.bin")).doesNotExist();
    assertThat(h.call("DELETE", "/transfer/transfer/actions/" + id, "alice", null).status())
        .isEqualTo(200);
  }

  @Test
  void providerIsCallableInProcess() throws Exception {
    Files.writeString(h.home.resolve("f.txt"), "x");
    ObjectNode request = Json.mapper().createObjectNode().put("request_id", "r1");
    request.set("body", Harness.transfer("/~/f.txt", "/~/g.txt", false));
    var reply = h.module().provider().run("alice", request);
    assertThat(reply.httpStatus()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "SUCCEEDED"
                    .equals(
                        h.module().provider().status("alice", reply.actionId()).actionStatus()));
    assertThat(h.module().provider().run("alice", request).httpStatus()).isEqualTo(200);
  }
}
