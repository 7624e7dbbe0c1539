package org.globustimer.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.globustimer.core.json.Json;
import org.globustimer.server.store.Backup;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in its own process, under concurrent creates, updates, deletes and firings, killed
 * with SIGKILL at random moments, many times ({@code -Dtorture.cycles=N}, 10 by default). After
 * every kill the database must be intact, hold every acknowledged write, and hold nothing
 * unacknowledged by halves; at the end, every action the provider created must be the one action of
 * its tick as the service recorded it.
 */
class CrashTortureTest {

  private static final int CYCLES = Integer.getInteger("torture.cycles", 10);
  private static final int CLIENTS = 4;

  @TempDir Path home;

  /** What the clients were told happened to a timer. */
  private static final class Acked {
    final String root;
    volatile int version;
    volatile boolean deleted;

    Acked(String root) {
      this.root = root;
    }
  }

  private final Map<String, Acked> acked = new ConcurrentHashMap<>();
  private final AtomicInteger names = new AtomicInteger();
  private final AtomicInteger acknowledged = new AtomicInteger();

  @Test
  void everyAcknowledgedWriteSurvivesSigkillAndNothingElseIsHalfThere() throws Exception {
    try (FakeActionProvider provider = new FakeActionProvider();
        ServiceProcess service =
            ServiceProcess.inHome(home).setting("min_interval_seconds", "1").quickStart().start()) {
      Path database = home.resolve("db/timers.db");
      long began = System.nanoTime();
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        if (cycle > 0) {
          service.startAgain();
        }
        Api api = service.api();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          clients.add(Thread.ofPlatform().start(() -> drive(api, provider.runUrl())));
        }
        // Let some writes be acknowledged, then kill while the clients are mid-request.
        int before = acknowledged.get();
        long pause = ThreadLocalRandom.current().nextLong(5, 25);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> acknowledged.get() >= before + pause);
        service.kill();
        for (Thread client : clients) {
          client.join();
        }
        assertThat(Backup.integrityOf(database)).as("cycle %d", cycle).isEqualTo("ok");
        checkAgainstAcks(database, cycle);
      }
      service.startAgain();
      settleAndCheckActions(provider, database);
      System.out.printf(
          "crash torture: %d SIGKILLs, %d acknowledged writes, %d timers, %d actions%n",
          CYCLES, acknowledged.get(), acked.size(), provider.actionCount());
      System.out.printf("crash torture: %.0f s in all%n", (System.nanoTime() - began) / 1e9);
    }
  }

  /** Creates, renames and deletes timers until the service stops answering. */
  private void drive(Api api, String runUrl) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<String> mine = new ArrayList<>();
    try {
      while (true) {
        int choice = random.nextInt(10);
        if (mine.isEmpty() || choice < 5) {
          String root = "torture-" + names.incrementAndGet();
          Api.Answer created = api.post("/jobs/", createBody(root, runUrl));
          if (created.status() != 201) {
            throw new IllegalStateException("create answered " + created.raw());
          }
          String id = created.body().get("job_id").asText();
          acked.put(id, new Acked(root));
          mine.add(id);
        } else if (choice < 8) {
          String id = mine.get(random.nextInt(mine.size()));
          Acked timer = acked.get(id);
          int next = timer.version + 1;
          Api.Answer renamed =
              api.patch("/jobs/" + id, "{\"name\": \"" + timer.root + " v" + next + "\"}");
          if (renamed.status() != 200) {
            throw new IllegalStateException("update answered " + renamed.raw());
          }
          timer.version = next;
        } else {
          String id = mine.remove(random.nextInt(mine.size()));
          Api.Answer deleted = api.delete("/jobs/" + id);
          if (deleted.status() != 200) {
            throw new IllegalStateException("delete answered " + deleted.raw());
          }
          acked.get(id).deleted = true;
        }
        acknowledged.incrementAndGet();
      }
    } catch (RuntimeException e) {
      // The service was killed under this request: what it did not answer is not acknowledged.
    }
  }

  private static String createBody(String root, String runUrl) {
    return "{\"name\": \""
        + root
        + " v0\", \"start\": \""
        + Instant.now()
        + "\", \"interval\": 1, \"callback_url\": \""
        + runUrl
        + "\", \"callback_body\": {\"body\": {\"root\": \""
        + root
        + "\", \"pad\": \""
        + "p".repeat(2_000)
        + "\"}}}";
  }

  private void checkAgainstAcks(Path database, int cycle) throws Exception {
    Map<String, String[]> stored = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT id, name, status, callback_body FROM timers")) {
      while (rs.next()) {
        stored.put(
            rs.getString("id"),
            new String[] {
              rs.getString("name"), rs.getString("status"), rs.getString("callback_body")
            });
      }
    }
    for (Map.Entry<String, Acked> entry : acked.entrySet()) {
      String[] row = stored.get(entry.getKey());
      Acked expected = entry.getValue();
      assertThat(row).as("cycle %d: acknowledged timer %s", cycle, expected.root).isNotNull();
      int version = Integer.parseInt(row[0].substring(row[0].lastIndexOf(" v") + 2));
      assertThat(version)
          .as("cycle %d: %s keeps its acknowledged name", cycle, expected.root)
          .isGreaterThanOrEqualTo(expected.version);
      if (expected.deleted) {
        assertThat(row[1]).as("cycle %d: %s deleted", cycle, expected.root).isEqualTo("DELETED");
      }
    }
    for (String[] row : stored.values()) {
      // Acknowledged or not, a stored timer is whole: its name and its body agree.
      String root = row[0].substring(0, row[0].lastIndexOf(" v"));
      JsonNode body = Json.mapper().readTree(row[2]).path("body");
      assertThat(body.path("root").asText())
          .as("cycle %d: body of %s", cycle, root)
          .isEqualTo(root);
      assertThat(body.path("pad").asText()).hasSize(2_000);
    }
  }

  /**
   * Checks each action the provider created against the runs the service recorded: a tick's request
   * id is recorded once, with the one action the provider created for it; a submission not recorded
   * yet belongs to a timer whose submission is still pending (a kill between the provider's answer
   * and the service's record leaves that, and the tick is resubmitted with the same request id).
   */
  private void settleAndCheckActions(FakeActionProvider provider, Path database) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Set<String> submitted = new HashSet<>(provider.requestIds());
              Map<String, String> actionOfRun = new HashMap<>();
              Set<String> actions = new HashSet<>();
              int pending;
              try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
                c.setAutoCommit(false);
                try (ResultSet runs =
                    c.createStatement().executeQuery("SELECT request_id, action_id FROM runs")) {
                  while (runs.next()) {
                    assertThat(actionOfRun.put(runs.getString(1), runs.getString(2)))
                        .as("request id %s recorded twice", runs.getString(1))
                        .isNull();
                    if (runs.getString(2) != null) {
                      assertThat(actions.add(runs.getString(2)))
                          .as("action %s recorded for two ticks", runs.getString(2))
                          .isTrue();
                    }
                  }
                }
                try (ResultSet rs =
                    c.createStatement()
                        .executeQuery(
                            "SELECT COUNT(*) FROM timers WHERE pending_slot IS NOT NULL")) {
                  rs.next();
                  pending = rs.getInt(1);
                }
                c.rollback();
              }
              int unrecorded = 0;
              for (String requestId : submitted) {
                if (!actionOfRun.containsKey(requestId)) {
                  unrecorded++;
                } else if (actionOfRun.get(requestId) != null) {
                  assertThat(actionOfRun.get(requestId))
                      .as("the action recorded for %s", requestId)
                      .isEqualTo(provider.actionIdFor(requestId));
                }
              }
              assertThat(unrecorded)
                  .as("submitted ticks the service has no record of")
                  .isLessThanOrEqualTo(pending);
              assertThat(actionOfRun).isNotEmpty();
            });
    assertThat(provider.actionCount()).isEqualTo(new HashSet<>(provider.requestIds()).size());
  }
}
