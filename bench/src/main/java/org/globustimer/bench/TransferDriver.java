package org.globustimer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferModule;
import org.globustimer.transfer.TransferSettings;
import org.globustimer.transfer.db.SqliteFiles;
import org.globustimer.transfer.endpoint.Endpoints;

/**
 * Our copier as the service runs it: the transfer module on an SQLite database, transfers submitted
 * to its action provider and timed until the action is final.
 */
final class TransferDriver implements AutoCloseable {

  private static final String OWNER = "bench";

  private final HikariDataSource dataSource;
  private final TransferModule module;
  private final String endpoint = Endpoints.localId(OWNER);

  TransferDriver(Path base, int parallelFiles) {
    dataSource = SqliteFiles.open(base.resolve("db/transfer.db"));
    module =
        new TransferModule(
            new TransferSettings(base, List.of(base), parallelFiles, null),
            dataSource,
            Clock.systemUTC());
    module.registerLocalEndpoints(OWNER);
  }

  /** One recursive transfer of {@code from} into {@code to}, as {@code cp -a} would copy. */
  Result copy(Path from, Path to, Integer syncLevel) {
    return copy(endpoint, from.toString(), endpoint, to.toString(), syncLevel);
  }

  /** Creates an endpoint (the body of {@code POST /endpoints}) and answers its id. */
  String createEndpoint(ObjectNode body) {
    return module.createEndpoint(OWNER, body).get("id").asText();
  }

  /** The local endpoint's id: local absolute paths. */
  String localEndpoint() {
    return endpoint;
  }

  /** One recursive transfer between two endpoints, keeping modification times. */
  Result copy(String srcEndpoint, String from, String dstEndpoint, String to, Integer syncLevel) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("source_endpoint_id", srcEndpoint).put("destination_endpoint_id", dstEndpoint);
    body.putArray("transfer_items")
        .addObject()
        .put("source_path", from)
        .put("destination_path", to)
        .put("recursive", true);
    body.put("preserve_timestamp", true);
    if (syncLevel != null) {
      body.put("sync_level", syncLevel);
    }
    ObjectNode request = Json.mapper().createObjectNode();
    request.put("request_id", UUID.randomUUID().toString()).set("body", body);
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    ActionReply submitted = module.provider().run(OWNER, request);
    String id = submitted.body().path("action_id").asText();
    JsonNode status;
    do {
      pause(System.nanoTime() - start);
      status = module.provider().status(OWNER, id).body();
    } while (status.path("status").asText().matches("ACTIVE|INACTIVE"));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    JsonNode d = status.path("details");
    if (!status.path("status").asText().equals("SUCCEEDED")) {
      throw new IllegalStateException("transfer failed: " + d);
    }
    return new Result(
        seconds,
        cpuSeconds,
        d.path("files_transferred").asLong(),
        d.path("files_skipped").asLong());
  }

  record Result(double seconds, double cpuSeconds, long transferred, long skipped) {}

  /**
   * Waits between polls for about a fiftieth of the time taken so far (1 to 20 ms): with a fixed 20
   * ms the measured time of a task of a tenth of a second would include some 10 ms of waiting on
   * average after it ended, which a tool that exits when done does not pay.
   */
  private static void pause(long elapsedNanos) {
    try {
      Thread.sleep(Math.clamp(elapsedNanos / 50_000_000L, 1, 20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    module.close();
    dataSource.close();
  }
}
