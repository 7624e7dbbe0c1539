package org.globustimer.transfer.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.globustimer.transfer.db.Db;

/**
 * Which node runs each unfinished action: the one holding its lease, renewed while it copies. A
 * claim is a compare-and-set on the row (free, expired, or left by this node's previous run), so of
 * several nodes reaching for an action exactly one wins it.
 */
final class ActionLeases {

  private static final String UNFINISHED = "status in ('ACTIVE', 'INACTIVE')";

  private final Db db;
  private final String node;
  private final Duration lease;

  ActionLeases(Db db, String node, Duration lease) {
    this.db = db;
    this.node = node;
    this.lease = lease;
  }

  String node() {
    return node;
  }

  /**
   * Whether a holder that last renewed at {@code renewed} must stop: past half its lease, so that
   * it has stopped before any other node may take the action.
   */
  boolean lapsing(Instant renewed, Instant now) {
    return renewed.plus(lease.dividedBy(2)).isBefore(now);
  }

  Instant until(Instant now) {
    return now.plus(lease);
  }

  /**
   * Unfinished actions this node may take: unleased, or leased by a node gone silent; with {@code
   * own}, also those its previous run left.
   */
  List<String> claimable(Instant now, boolean own) {
    return db.list(
        "select action_id from transfer_actions where "
            + UNFINISHED
            + " and (owner_node is null or (? and owner_node = ?) or lease_until is null"
            + " or lease_until < ?) order by start_time",
        rs -> rs.getString(1),
        own,
        node,
        now);
  }

  /** Takes an action if it is still claimable; true when this node now holds it. */
  boolean claim(String actionId, Instant now) {
    return db.update(
            "update transfer_actions set owner_node = ?, lease_until = ? where action_id = ? and "
                + UNFINISHED
                + " and (owner_node is null or owner_node = ? or lease_until is null"
                + " or lease_until < ?)",
            node,
            until(now),
            actionId,
            node,
            now)
        > 0;
  }

  /**
   * Stores an action's progress and renews its lease; false when this node no longer holds it
   * (another node took it over, or it was canceled or finished elsewhere).
   */
  boolean renew(String actionId, ObjectNode details, String displayStatus, Instant now) {
    return db.update(
            "update transfer_actions set details = ?, display_status = ?, lease_until = ?"
                + " where action_id = ? and owner_node = ? and "
                + UNFINISHED,
            details.toString(),
            displayStatus,
            until(now),
            actionId,
            node)
        > 0;
  }

  /** Hands back every action this node holds, for others to take at once. */
  void releaseAll() {
    db.update(
        "update transfer_actions set owner_node = null, lease_until = null where owner_node = ?",
        node);
  }
}
