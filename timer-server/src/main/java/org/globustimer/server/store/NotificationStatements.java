package org.globustimer.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Statements on the notification outbox, inside the transaction of a {@link Tx}. */
public final class NotificationStatements {

  private static final String COLUMNS =
      "id, timer_id, owner, event, slot, target, payload, state, attempts, next_attempt_at,"
          + " last_error, created_at, delivered_at";

  private final Tx tx;

  NotificationStatements(Tx tx) {
    this.tx = tx;
  }

  /**
   * Adds the notification unless one for the same event and target exists (queued by whoever
   * recorded the event first); true if added.
   */
  public boolean enqueue(NotificationRow n) {
    return tx.update(
            "INSERT INTO notifications ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (timer_id, event, slot, target) DO NOTHING",
            n.id(),
            n.timerId(),
            n.owner(),
            n.event(),
            n.slot(),
            n.target(),
            n.payload(),
            n.state(),
            n.attempts(),
            n.nextAttemptAt(),
            n.lastError(),
            n.createdAt(),
            n.deliveredAt())
        == 1;
  }

  /**
   * Claims pending notifications due by {@code now} for {@code node} until {@code leaseUntil}; each
   * row goes to one node only, whatever the database.
   */
  public List<NotificationRow> claimDue(String node, Instant now, Instant leaseUntil, int limit) {
    List<NotificationRow> due =
        tx.query(
            "SELECT "
                + COLUMNS
                + " FROM notifications WHERE state = ? AND next_attempt_at <= ? AND (lease_until"
                + " IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT ?",
            NotificationStatements::row,
            NotificationRow.PENDING,
            now,
            now,
            limit);
    List<NotificationRow> claimed = new ArrayList<>();
    for (NotificationRow n : due) {
      int taken =
          tx.update(
              "UPDATE notifications SET claimed_by = ?, lease_until = ? WHERE id = ? AND state = ?"
                  + " AND (lease_until IS NULL OR lease_until < ?)",
              node,
              leaseUntil,
              n.id(),
              NotificationRow.PENDING,
              now);
      if (taken == 1) {
        claimed.add(n);
      }
    }
    return claimed;
  }

  /*
   * The outcome of an attempt is written only by the node still holding the row's claim: one
   * whose lease ran out meanwhile (and whose row another node took) changes nothing.
   */

  public boolean delivered(UUID id, String node, int attempts, Instant at) {
    return tx.update(
            "UPDATE notifications SET state = ?, attempts = ?, delivered_at = ?, last_error ="
                + " NULL, claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?",
            NotificationRow.DELIVERED,
            attempts,
            at,
            id,
            node)
        == 1;
  }

  public boolean retryAt(UUID id, String node, int attempts, Instant next, String error) {
    return tx.update(
            "UPDATE notifications SET attempts = ?, next_attempt_at = ?, last_error = ?,"
                + " claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?",
            attempts,
            next,
            shortened(error),
            id,
            node)
        == 1;
  }

  public boolean gaveUp(UUID id, String node, int attempts, String error) {
    return tx.update(
            "UPDATE notifications SET state = ?, attempts = ?, last_error = ?, claimed_by ="
                + " NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?",
            NotificationRow.FAILED,
            attempts,
            shortened(error),
            id,
            node)
        == 1;
  }

  /** Gives a claimed notification back unsent, for any node to send at once. */
  public boolean release(UUID id, String node) {
    return tx.update(
            "UPDATE notifications SET claimed_by = NULL, lease_until = NULL WHERE id = ? AND"
                + " claimed_by = ? AND state = ?",
            id,
            node,
            NotificationRow.PENDING)
        == 1;
  }

  private static String shortened(String error) {
    return error != null && error.length() > 2_000 ? error.substring(0, 2_000) + "…" : error;
  }

  /** A timer's notifications, newest first. */
  public List<NotificationRow> ofTimer(UUID timerId, int limit) {
    return tx.query(
        "SELECT "
            + COLUMNS
            + " FROM notifications WHERE timer_id = ? ORDER BY created_at DESC, id LIMIT ?",
        NotificationStatements::row,
        timerId,
        limit);
  }

  private static NotificationRow row(ResultSet rs) throws SQLException {
    return new NotificationRow(
        Columns.uuid(rs, "id"),
        Columns.uuid(rs, "timer_id"),
        rs.getString("owner"),
        rs.getString("event"),
        rs.getLong("slot"),
        rs.getString("target"),
        rs.getString("payload"),
        rs.getString("state"),
        rs.getInt("attempts"),
        Columns.instant(rs, "next_attempt_at"),
        rs.getString("last_error"),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "delivered_at"));
  }
}
