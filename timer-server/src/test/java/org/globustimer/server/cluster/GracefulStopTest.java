package org.globustimer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ServiceProcess;
import org.globustimer.server.testkit.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a service process: it stops claiming, lets work under way finish within {@code
 * drain_seconds}, hands the rest back, gives up every claim and lease, and exits 0. The leases here
 * are two minutes long, so whatever another node takes up well before that was handed back, not
 * left to expire.
 */
class GracefulStopTest {

  static final Duration LEASE = Duration.ofSeconds(120);
  static final String TUTORIAL = "ddb59aef-6d04-11e5-ba46-22000b92c6ec";

  @TempDir Path user;
  TestPostgres.Database db;
  FakeActionProvider provider = new FakeActionProvider();
  ServiceProcess a;
  ServiceProcess b;

  @AfterEach
  void stop() {
    for (ServiceProcess node : new ServiceProcess[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
    provider.close();
  }

  private ServiceProcess node(String id, int drainSeconds) {
    return ServiceProcess.inHome(user.resolve("node-" + id), user)
        .nodeId(id)
        .database(db)
        .setting("lease_seconds", String.valueOf(LEASE.toSeconds()))
        .setting("drain_seconds", String.valueOf(drainSeconds))
        .quickStart()
        .start();
  }

  @Test
  void aStoppedNodeHandsBackItsTimersTransfersAndJobsAndExitsZero() throws Exception {
    db = TestPostgres.get().newDatabase();
    a = node("a", 2);
    List<String> timers =
        Cluster.createTimers(
            List.of(a), provider, 30, i -> Instant.now(), Duration.ofSeconds(2), 1_000_000);
    Path source = Trees.tree(user.resolve("src"), 3000);
    Path destination = user.resolve("dst");
    b = node("b", 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> count("timers", "a") > 0);
    String action = transfer(a.api(), source, destination);
    // stopped while it copies, so that the copy is handed back rather than finished here
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Trees.copyBegun(destination));

    long started = System.nanoTime();
    a.stop();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Instant stoppedAt = Instant.now();

    assertThat(a.exitCode()).as("exit code after SIGTERM\n%s", a.log()).isZero();
    assertThat(took)
        .as("stopped within the drain, far inside a lease")
        .isLessThan(LEASE.dividedBy(4));
    assertThat(count("timers", "a")).as("timers still claimed").isZero();
    assertThat(count("service_jobs", "a")).as("periodic jobs still claimed").isZero();
    assertThat(count("transfer_actions", "a")).as("transfers still leased").isZero();
    assertThat(count("notifications", "a")).as("notifications still claimed").isZero();
    assertThat(count("nodes", "a")).as("still listed as a node").isZero();

    // the other node carries on at once, not after the two-minute leases
    await()
        .atMost(LEASE.dividedBy(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> timersFiredSince(stoppedAt) == timers.size());
    await()
        .atMost(LEASE.dividedBy(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> status(b.api(), action).equals("SUCCEEDED"));
    assertThat(Trees.sameTree(source, destination)).as("the handed-back copy is whole").isTrue();
  }

  @Test
  void aSubmissionUnderWayWhenTheStopComesIsFinishedAndRecordedWithinTheDrain() throws Exception {
    a =
        ServiceProcess.inHome(user.resolve("single"), user)
            .setting("drain_seconds", "60")
            .quickStart()
            .start();
    CountDownLatch answer = new CountDownLatch(1);
    provider.holdAfterCreating.set(answer);
    List<String> timers =
        Cluster.createTimers(
            List.of(a), provider, 1, i -> Instant.now(), Duration.ofHours(1), 1_000_000);
    assertThat(provider.held.await(60, TimeUnit.SECONDS)).as("the submission arrived").isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(a::stop);
    // A stopping node closes its port first; once it has, the drain is under way.
    await().atMost(Duration.ofSeconds(30)).until(() -> !listens(a.url()));
    assertThat(stopping).as("the stop waits for the submission under way").isNotDone();
    answer.countDown();
    stopping.get(60, TimeUnit.SECONDS);

    assertThat(a.exitCode()).as("exit code after SIGTERM\n%s", a.log()).isZero();
    String url = "jdbc:sqlite:" + user.resolve("single/db/timers.db");
    try (Connection c = DriverManager.getConnection(url);
        var s = c.prepareStatement("SELECT action_id FROM runs WHERE timer_id = ?")) {
      s.setString(1, timers.getFirst());
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("the run was recorded").isTrue();
        assertThat(rs.getString(1))
            .as("with the provider's answer, before the process exited")
            .isEqualTo(provider.actionIdFor(provider.requestIds().getFirst()));
      }
    }
  }

  private long count(String table, String node) {
    String column =
        switch (table) {
          case "timers", "notifications" -> "claimed_by";
          case "nodes" -> "node_id";
          default -> "owner_node";
        };
    return Cluster.query(
            db,
            "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = '" + node + "'",
            rs -> rs.getLong(1))
        .getFirst();
  }

  private long timersFiredSince(Instant at) {
    return Cluster.query(
            db,
            "SELECT COUNT(DISTINCT timer_id) FROM runs WHERE tick_at > " + at.toEpochMilli(),
            rs -> rs.getLong(1))
        .getFirst();
  }

  private static String transfer(Api api, Path source, Path destination) {
    ObjectNode run = Json.mapper().createObjectNode();
    run.put("request_id", "graceful-" + System.nanoTime());
    ObjectNode body = run.putObject("body");
    Cluster.recursiveLocalCopy(body, TUTORIAL, source, destination);
    Api.Answer started = api.post("/transfer/transfer/run", run.toString());
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    return started.body().get("action_id").asText();
  }

  private static String status(Api api, String action) {
    return api.get("/transfer/transfer/" + action + "/status").body().get("status").asText();
  }

  private static boolean listens(String url) {
    URI uri = URI.create(url);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
