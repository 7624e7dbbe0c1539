package org.globustimer.server.store;

import java.time.Instant;
import java.util.List;

/**
 * Statements on the nodes sharing the database and their claims, in the transaction of a {@link
 * Tx}.
 */
public final class NodeStatements {

  private final Sql sql;

  NodeStatements(Sql sql) {
    this.sql = sql;
  }

  public void heartbeat(String nodeId, String url, Instant startedAt, Instant now) {
    if (sql.update("UPDATE nodes SET heartbeat_at = ?, url = ? WHERE node_id = ?", now, url, nodeId)
        == 0) {
      sql.update(
          "INSERT INTO nodes (node_id, url, started_at, heartbeat_at) VALUES (?, ?, ?, ?)",
          nodeId,
          url,
          startedAt,
          now);
    }
  }

  /** Forgets nodes silent since {@code cutoff}: stopped or killed ones no longer worth showing. */
  public int forgetSilentSince(Instant cutoff) {
    return sql.update("DELETE FROM nodes WHERE heartbeat_at < ?", cutoff);
  }

  public List<NodeRow> list() {
    return sql.query(
        "SELECT n.node_id, n.url, n.started_at, n.heartbeat_at, (SELECT COUNT(*) FROM timers t"
            + " WHERE t.claimed_by = n.node_id) AS claims FROM nodes n ORDER BY n.node_id",
        rs ->
            new NodeRow(
                rs.getString("node_id"),
                rs.getString("url"),
                Columns.instant(rs, "started_at"),
                Columns.instant(rs, "heartbeat_at"),
                rs.getLong("claims")));
  }

  /**
   * Gives up every claim of a node that is stopping, so others take its timers and its periodic
   * jobs at once.
   */
  public void releaseClaims(String nodeId) {
    sql.update(
        "UPDATE timers SET claimed_by = NULL, lease_until = NULL, version = version + 1"
            + " WHERE claimed_by = ?",
        nodeId);
    new JobStatements(sql).release(nodeId);
  }

  public void remove(String nodeId) {
    sql.update("DELETE FROM nodes WHERE node_id = ?", nodeId);
  }
}
