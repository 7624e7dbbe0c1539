package org.globustimer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ServiceProcess;

/**
 * What the cluster tests share: starting nodes, creating many timers, and reading the runs table.
 */
final class Cluster {

  /** One row of the runs table. */
  record Run(UUID timerId, Instant tick, String requestId, String state) {}

  private Cluster() {}

  /** A node in this JVM on {@code db}, with its own home under {@code homes} and its own clock. */
  static TimerService inProcessNode(
      Path homes, String nodeId, TestPostgres.Database db, Duration lease, Clock clock) {
    String[] args = {
      "--home", homes.resolve(nodeId).toString(),
      "--port", "0",
      "--node-id", nodeId,
      "--database-url", db.url(),
      "--database-user", db.user(),
      "--database-password", db.password(),
      "--lease-seconds", String.valueOf(lease.toSeconds())
    };
    return TimerService.start(SettingsLoader.load(args, Map.of()), clock);
  }

  /** The local endpoint on both sides and one recursive item from {@code source} to {@code to}. */
  static void recursiveLocalCopy(ObjectNode body, String endpoint, Path source, Path to) {
    body.put("source_endpoint_id", endpoint).put("destination_endpoint_id", endpoint);
    body.putArray("transfer_items")
        .addObject()
        .put("source_path", source.toString())
        .put("destination_path", to.toString())
        .put("recursive", true);
  }

  /**
   * Starts a node on {@code db}, its home under target/ and kept after the test so its log can be
   * read.
   */
  static ServiceProcess startNode(
      TestPostgres.Database db, String nodeId, Map<String, String> settings) {
    String database = db.url().substring(db.url().lastIndexOf('/') + 1);
    Path home = Path.of("target", "cluster-nodes", database, nodeId).toAbsolutePath();
    return ServiceProcess.inHome(home).nodeId(nodeId).database(db).settings(settings).start();
  }

  /**
   * Starts {@code count} nodes named node-a, node-b, …: the first alone (it makes the schema and
   * the local identity the others then share), the rest at once.
   */
  static List<ServiceProcess> startNodes(
      TestPostgres.Database db, int count, Map<String, String> settings) {
    List<ServiceProcess> nodes = new ArrayList<>();
    nodes.add(startNode(db, "node-a", settings));
    List<Future<ServiceProcess>> others = new ArrayList<>();
    try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 1; i < count; i++) {
        String nodeId = "node-" + (char) ('a' + i);
        others.add(starting.submit(() -> startNode(db, nodeId, settings)));
      }
    }
    // every start has ended here; a failed one stops the others
    for (Future<ServiceProcess> other : others) {
      if (other.state() == Future.State.SUCCESS) {
        nodes.add(other.resultNow());
      }
    }
    Future<ServiceProcess> failed =
        others.stream().filter(f -> f.state() != Future.State.SUCCESS).findFirst().orElse(null);
    if (failed != null) {
      nodes.forEach(ServiceProcess::close);
      throw new IllegalStateException("a node did not start", failed.exceptionNow());
    }
    return nodes;
  }

  /** Creates {@code count} timers through the nodes in turn, in parallel; returns their ids. */
  static List<String> createTimers(
      List<ServiceProcess> nodes,
      FakeActionProvider provider,
      int count,
      IntFunction<Instant> start,
      Duration interval,
      int runs)
      throws Exception {
    String body =
        "{\"name\": \"c\", \"start\": \"%s\", \"interval\": "
            + interval.toMillis() / 1000.0
            + ", \"callback_url\": \""
            + provider.runUrl()
            + "\", \"callback_body\": {\"body\": {}}, \"stop_after\": {\"n_runs\": "
            + runs
            + "}}";
    List<Api> apis = nodes.stream().map(n -> new Api(n.url(), nodes.getFirst().token())).toList();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Api api = apis.get(i % apis.size());
        String json = body.formatted(start.apply(i));
        ids.add(
            pool.submit(
                () -> {
                  Api.Answer created = api.post("/jobs/", json);
                  assertThat(created.status()).as(created.raw()).isEqualTo(201);
                  return created.body().get("job_id").asText();
                }));
      }
      List<String> result = new ArrayList<>();
      for (Future<String> id : ids) {
        result.add(id.get());
      }
      return result;
    }
  }

  static List<Run> runs(TestPostgres.Database db) {
    return query(
        db,
        "SELECT timer_id, tick_at, request_id, state FROM runs",
        rs ->
            new Run(
                rs.getObject(1, UUID.class),
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3),
                rs.getString(4)));
  }

  /** The runs that did not succeed, with their errors, for a failure message. */
  static List<String> unsuccessful(TestPostgres.Database db) {
    return query(
        db,
        "SELECT timer_id, tick_at, state, http_status_submission, errors FROM runs"
            + " WHERE state <> 'SUCCEEDED'",
        rs ->
            rs.getString(1)
                + " tick "
                + Instant.ofEpochMilli(rs.getLong(2))
                + " "
                + rs.getString(3)
                + " http "
                + rs.getObject(4)
                + ": "
                + rs.getString(5));
  }

  static long scheduledTimers(TestPostgres.Database db) {
    return query(
            db,
            "SELECT COUNT(*) FROM timers WHERE status IN ('NEW', 'LOADED', 'UPDATED')",
            rs -> rs.getLong(1))
        .getFirst();
  }

  /** Which nodes hold claims right now, and how many each. */
  static Map<String, Long> claimsByNode(TestPostgres.Database db) {
    Map<String, Long> claims = new HashMap<>();
    query(
            db,
            "SELECT claimed_by, COUNT(*) FROM timers WHERE claimed_by IS NOT NULL GROUP BY"
                + " claimed_by",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> claims.put(e.getKey(), e.getValue()));
    return claims;
  }

  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  static <T> List<T> query(TestPostgres.Database db, String sql, Mapper<T> mapper) {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Firing lag (arrival at the provider minus the tick) of every submission, sorted. */
  static List<Duration> lags(List<FakeActionProvider.Submission> submissions, List<Run> runs) {
    Map<String, Instant> ticks = new HashMap<>();
    runs.forEach(r -> ticks.put(r.requestId(), r.tick()));
    return submissions.stream()
        .map(s -> Duration.between(ticks.get(s.requestId()), s.arrivedAt()))
        .sorted()
        .toList();
  }

  static Duration percentile(List<Duration> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
  }
}
