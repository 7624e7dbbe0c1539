package org.globustimer.transfer.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.globustimer.core.action.ActionStatus;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.copy.Digests;
import org.globustimer.transfer.db.Db;
import org.globustimer.transfer.db.StoredDigests;

/** Action rows and their finished-file ledger. Only unfinished actions are ever updated. */
final class ActionStore {

  private static final String COLUMNS =
      "action_id, owner, request_id, status, label, request, details, display_status,"
          + " start_time, completion_time, release_after, released";
  private static final String UNFINISHED = "status in ('ACTIVE', 'INACTIVE')";

  private final Db db;

  ActionStore(Db db) {
    this.db = db;
  }

  /** Inserts, leased by {@code node}; false when this owner already used the request id. */
  boolean insert(ActionRecord a, String node, Instant leaseUntil) {
    return db.insertIfAbsent(
        "insert into transfer_actions ("
            + COLUMNS
            + ", owner_node, lease_until) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        a.actionId(),
        a.owner(),
        a.requestId(),
        a.status().name(),
        a.label(),
        a.request().toString(),
        a.details().toString(),
        a.displayStatus(),
        a.startTime(),
        a.completionTime(),
        a.releaseAfter(),
        a.released(),
        node,
        leaseUntil);
  }

  Optional<ActionRecord> byId(String actionId) {
    return db.one(
        "select " + COLUMNS + " from transfer_actions where action_id = ?",
        ActionStore::map,
        actionId);
  }

  Optional<ActionRecord> byRequest(String owner, String requestId) {
    return db.one(
        "select " + COLUMNS + " from transfer_actions where owner = ? and request_id = ?",
        ActionStore::map,
        owner,
        requestId);
  }

  /** An action not yet released, by hand or because its release time has come. */
  Optional<ActionRecord> find(String owner, String actionId, Instant now) {
    return db.one(
        "select "
            + COLUMNS
            + " from transfer_actions where owner = ? and action_id = ? and released = false"
            + " and (release_at is null or release_at > ?)",
        ActionStore::map,
        owner,
        actionId,
        now);
  }

  /** Moves an unfinished action to a final state; false when it was already final. */
  boolean finish(
      ActionRecord a, ActionStatus status, ObjectNode details, String displayStatus, Instant at) {
    String actionId = a.actionId();
    boolean changed =
        db.update(
                "update transfer_actions set status = ?, details = ?, display_status = ?,"
                    + " completion_time = ?, release_at = ? where action_id = ? and "
                    + UNFINISHED,
                status.name(),
                details.toString(),
                displayStatus,
                at,
                ReleaseAfter.at(a.releaseAfter(), at),
                actionId)
            > 0;
    if (changed) {
      db.update("delete from transfer_done_files where action_id = ?", actionId);
      // the task aborts its unfinished uploads as it ends; what it could not abort is let go
      db.update("delete from transfer_uploads where action_id = ?", actionId);
    }
    return changed;
  }

  boolean release(String actionId) {
    return db.update(
            "update transfer_actions set released = true where action_id = ? and status in ('SUCCEEDED', 'FAILED')",
            actionId)
        > 0;
  }

  /** Removes finished actions whose release time has come; answers how many. */
  int releaseDue(Instant now) {
    return db.update(
        "delete from transfer_actions where release_at <= ? and status in ('SUCCEEDED', 'FAILED')",
        now);
  }

  /** The digests kept of local files, for one task. */
  Digests digests() {
    return new StoredDigests(db);
  }

  StoredLedger ledger(String actionId) {
    return new StoredLedger(db, actionId);
  }

  StoredUploads uploads(String actionId) {
    return new StoredUploads(db, actionId);
  }

  private static ActionRecord map(ResultSet rs) throws SQLException {
    return new ActionRecord(
        rs.getString("action_id"),
        rs.getString("owner"),
        rs.getString("request_id"),
        ActionStatus.valueOf(rs.getString("status")),
        rs.getString("label"),
        json(rs.getString("request")),
        (ObjectNode) json(rs.getString("details")),
        rs.getString("display_status"),
        Db.instant(rs, "start_time"),
        Db.instant(rs, "completion_time"),
        rs.getString("release_after"),
        rs.getBoolean("released"));
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw TransferException.internal("stored action JSON is unreadable", e);
    }
  }
}
