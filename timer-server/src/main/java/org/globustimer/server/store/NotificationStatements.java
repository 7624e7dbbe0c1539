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

  /** Adds the notification unless one for the same event and target exists; true if added. */
  public boolean enqueue(NotificationRow n) {
    return tx.update(
            "INSERT INTO notifications ("
                + COLUMNS
                + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                + " notifications WHERE timer_id = ? AND event = ? AND slot = ? AND target = ?)",
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
            n.deliveredAt(),
            n.timerId(),
            n.event(),
            n.slot(),
            n.target())
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

  public void delivered(UUID id, int attempts, Instant at) {
    tx.update(
        "UPDATE notifications SET state = ?, attempts = ?, delivered_at = ?, last_error = NULL,"
            + " claimed_by = NULL, lease_until = NULL WHERE id = ?",
        NotificationRow.DELIVERED,
        attempts,
        at,
        id);
  }

  public void retryAt(UUID id, int attempts, Instant next, String error) {
    tx.update(
        "UPDATE notifications SET attempts = ?, next_attempt_at = ?, last_error = ?,"
            + " claimed_by = NULL, lease_until = NULL WHERE id = ?",
        attempts,
        next,
        error,
        id);
  }

  public void gaveUp(UUID id, int attempts, String error) {
    tx.update(
        "UPDATE notifications SET state = ?, attempts = ?, last_error = ?, claimed_by = NULL,"
            + " lease_until = NULL WHERE id = ?",
        NotificationRow.FAILED,
        attempts,
        error,
        id);
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
