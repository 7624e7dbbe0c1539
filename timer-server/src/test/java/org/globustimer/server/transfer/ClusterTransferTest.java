package org.globustimer.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.ServiceProcess;
import org.globustimer.server.testkit.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer actions on two nodes sharing one PostgreSQL database and one user's files: an action is
 * run by the node holding its lease; any node answers its status, cancels or releases it; a killed
 * node's action is taken over after the lease and finishes from its ledger, and a stopped node
 * hands its actions back at once.
 */
class ClusterTransferTest {

  private static final String TUTORIAL_1 = "ddb59aef-6d04-11e5-ba46-22000b92c6ec";
  private static final String BASE = "/transfer/transfer/";

  @TempDir Path user;
  TestPostgres.Database db;
  ServiceProcess a;
  ServiceProcess b;

  @AfterEach
  void stop() {
    for (ServiceProcess node : new ServiceProcess[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
  }

  private ServiceProcess node(String id) {
    return ServiceProcess.inHome(user.resolve("node-" + id), user)
        .nodeId(id)
        .database(db)
        .setting("lease_seconds", "5")
        .start();
  }

  private void startNodes() {
    db = TestPostgres.get().newDatabase();
    a = node("a");
    b = node("b");
  }

  @Test
  void aKilledNodesTransferIsTakenOverAfterItsLeaseAndFinishesIdentical() throws Exception {
    startNodes();
    Path source = Trees.tree(user.resolve("src"), 3000);
    String action = start(a.api(), source, user.resolve("dst"));
    awaitCopyBegun(user.resolve("dst"));
    a.kill();
    // the dead node's lease still holds the action: the other node answers for it meanwhile
    JsonNode seen = status(b.api(), action);
    assertThat(seen.get("status").asText())
        .as("the other node answers for the action: %s", seen)
        .isEqualTo("ACTIVE");
    assertThat(ownerOf(action)).isEqualTo("a");

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !status(b.api(), action).get("status").asText().equals("ACTIVE"));

    assertThat(status(b.api(), action).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(ownerOf(action)).as("taken over").isEqualTo("b");
    assertSameTree(source, user.resolve("dst"));
  }

  @Test
  void anyNodeCancelsAndReleasesAndAStoppedNodeHandsItsTransfersBack() throws Exception {
    startNodes();
    Path source = Trees.tree(user.resolve("src"), 3000);
    String handed = start(a.api(), source, user.resolve("handed"));
    awaitCopyBegun(user.resolve("handed"));
    a.stop();
    assertThat(ownerOf(handed)).as("given back as the node stopped").isNotEqualTo("a");
    a.startAgain();
    String canceled = start(b.api(), source, user.resolve("canceled"));

    Api.Answer cancel = a.api().post(BASE + canceled + "/cancel", null);
    assertThat(cancel.status()).as(cancel.raw()).isEqualTo(200);
    assertThat(status(b.api(), canceled).at("/details/code").asText()).isEqualTo("CANCELED");
    assertThat(a.api().post(BASE + canceled + "/release", null).status()).isEqualTo(200);
    assertThat(b.api().get(BASE + canceled + "/status").status()).isEqualTo(404);

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(b.api(), handed).get("status").asText().equals("SUCCEEDED"));
    assertSameTree(source, user.resolve("handed"));
  }

  private String start(Api api, Path source, Path destination) {
    ObjectNode run = Json.mapper().createObjectNode();
    run.put("request_id", "r-" + UUID.randomUUID());
    run.set(
        "body",
        Timers.automate(
            TUTORIAL_1, TUTORIAL_1, Timers.item(source.toString(), destination.toString(), true)));
    Api.Answer started = api.post(BASE + "run", run.toString());
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    return started.body().get("action_id").asText();
  }

  private static JsonNode status(Api api, String action) {
    Api.Answer answer = api.get(BASE + action + "/status");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer.body();
  }

  private String ownerOf(String action) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
        var s = c.prepareStatement("SELECT owner_node FROM transfer_actions WHERE action_id = ?")) {
      s.setString(1, action);
      try (var rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static void awaitCopyBegun(Path dir) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Trees.copyBegun(dir));
  }

  static void assertSameTree(Path source, Path destination) throws IOException {
    assertThat(Trees.sameTree(source, destination))
        .as("%s holds exactly the files of %s, and nothing temporary", destination, source)
        .isTrue();
  }
}
