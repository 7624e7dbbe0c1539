package org.globustimer.server.store;

import static org.globustimer.server.store.Columns.bindAll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;

/** The store's statements, run inside one transaction opened by {@link TimerStore}. */
public final class Tx {

  private final Connection connection;
  final Dialect dialect;

  Tx(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** Statements on the notification outbox, in this transaction. */
  public NotificationStatements notifications() {
    return new NotificationStatements(this);
  }

  /** Statements on users' stored provider credentials, in this transaction. */
  public CredentialStatements credentials() {
    return new CredentialStatements(this);
  }

  public void insertTimer(TimerRow timer) {
    Columns columns = TimerColumns.of(timer);
    update(columns.insertInto("timers"), columns.args());
  }

  public Optional<TimerRow> findTimer(UUID id) {
    return queryOne("SELECT * FROM timers WHERE id = ?", TimerColumns::read, id);
  }

  public Optional<TimerRow> findTimer(String owner, UUID id) {
    return queryOne(
        "SELECT * FROM timers WHERE id = ? AND owner = ?", TimerColumns::read, id, owner);
  }

  public List<TimerRow> listTimers(String owner, TimerQuery query) {
    return listTimersWhere("owner = ?", new ArrayList<>(List.of(owner)), query);
  }

  /** Every owner's timers, for administrators. */
  public List<TimerRow> listAllOwnersTimers(TimerQuery query) {
    return listTimersWhere("1 = 1", new ArrayList<>(), query);
  }

  private List<TimerRow> listTimersWhere(String where, List<Object> args, TimerQuery query) {
    StringBuilder sql = new StringBuilder("SELECT * FROM timers WHERE " + where);
    if (query.statuses() != null) {
      sql.append(" AND status IN (");
      sql.append(String.join(", ", query.statuses().stream().map(s -> "?").toList()));
      sql.append(")");
      args.addAll(query.statuses());
    }
    if (query.nameContains() != null) {
      sql.append(" AND LOWER(name) LIKE ? ESCAPE '\\'");
      args.add("%" + escapeLike(query.nameContains().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    if (query.submittedAfter() != null) {
      sql.append(" AND submitted_at > ?");
      args.add(query.submittedAfter());
    }
    if (query.submittedBefore() != null) {
      sql.append(" AND submitted_at < ?");
      args.add(query.submittedBefore());
    }
    sql.append(" ORDER BY submitted_at ").append(query.newestFirst() ? "DESC" : "ASC");
    sql.append(", id LIMIT ").append(query.limit());
    return query(sql.toString(), TimerColumns::read, args.toArray());
  }

  /** Writes the engine's state of a timer if nobody changed it since {@code expectedVersion}. */
  public boolean updateState(UUID id, long expectedVersion, TimerState s) {
    return updateTimer(TimerColumns.state(s), id, expectedVersion);
  }

  /** Writes what an update may change of the definition, with the state re-planned for it. */
  public boolean updateDefinitionAndState(
      UUID id, long expectedVersion, TimerDefinition d, TimerState s) {
    Columns set =
        TimerColumns.definition(d).only(TimerColumns.CHANGEABLE).putAll(TimerColumns.state(s));
    return updateTimer(set, id, expectedVersion);
  }

  private boolean updateTimer(Columns set, UUID id, long expectedVersion) {
    List<Object> args = new ArrayList<>(Arrays.asList(set.args()));
    args.add(id);
    args.add(expectedVersion);
    return update(
            "UPDATE timers SET "
                + set.assignments()
                + ", version = version + 1 WHERE id = ? AND version = ?",
            args.toArray())
        == 1;
  }

  /**
   * Claims timers due before {@code dueBefore} whose lease is free or expired, for {@code node}
   * until {@code leaseUntil}. Concurrent claimers never both win the same timer (see {@link
   * Claims}).
   */
  public List<TimerRow> claimDue(
      String node, Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
    return dialect.claimTimers(this, node, now, dueBefore, leaseUntil, limit);
  }

  /** Inserts a run; false when the (timer, slot) row exists already. */
  public boolean insertRun(RunRow r) {
    Columns columns = RunColumns.of(r);
    return update(
            columns.insertInto("runs") + " ON CONFLICT (timer_id, slot) DO NOTHING", columns.args())
        == 1;
  }

  public void updateRun(RunRow r) {
    Columns set = RunColumns.of(r).only(RunColumns.CHANGEABLE);
    List<Object> args = new ArrayList<>(Arrays.asList(set.args()));
    args.add(r.timerId());
    args.add(r.slot());
    update(
        "UPDATE runs SET "
            + set.assignments()
            + ", monitor_lease_until = NULL WHERE timer_id = ? AND slot = ?",
        args.toArray());
  }

  public Optional<RunRow> findRun(UUID timerId, long slot) {
    return queryOne(
        "SELECT * FROM runs WHERE timer_id = ? AND slot = ?", RunColumns::read, timerId, slot);
  }

  /** Runs of a timer, newest first, older than {@code beforeSlot} when given. */
  public List<RunRow> runs(UUID timerId, Long beforeSlot, int limit) {
    if (beforeSlot == null) {
      return query(
          "SELECT * FROM runs WHERE timer_id = ? ORDER BY slot DESC LIMIT " + limit,
          RunColumns::read,
          timerId);
    }
    return query(
        "SELECT * FROM runs WHERE timer_id = ? AND slot < ? ORDER BY slot DESC LIMIT " + limit,
        RunColumns::read,
        timerId,
        beforeSlot);
  }

  /** Claims runs whose action status is due to be checked, with a lease so one node polls each. */
  public List<RunRow> claimRunsToCheck(
      Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
    return dialect.claimRunsToCheck(this, now, dueBefore, leaseUntil, limit);
  }

  /**
   * Deletes final runs that ended before {@code cutoff}, keeping each timer's newest {@code keep}.
   */
  public int deleteRunsEndedBefore(Instant cutoff, int keep) {
    return update(
        "DELETE FROM runs WHERE end_at < ? AND (timer_id, slot) IN (SELECT timer_id, slot FROM"
            + " (SELECT timer_id, slot, ROW_NUMBER() OVER (PARTITION BY timer_id ORDER BY slot"
            + " DESC) AS newness FROM runs) ranked WHERE newness > ?)",
        cutoff,
        keep);
  }

  public void insertLocalToken(String tokenHash, String principal, String username, Instant now) {
    update(
        "INSERT INTO local_tokens (token_hash, principal, username, created_at) VALUES (?, ?, ?,"
            + " ?)",
        tokenHash,
        principal,
        username,
        now);
  }

  public Optional<String[]> findLocalToken(String tokenHash) {
    return queryOne(
        "SELECT principal, username FROM local_tokens WHERE token_hash = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2)},
        tokenHash);
  }

  public Optional<String[]> anyLocalIdentity() {
    return queryOne(
        "SELECT principal, username FROM local_tokens ORDER BY created_at LIMIT 1",
        rs -> new String[] {rs.getString(1), rs.getString(2)});
  }

  public void heartbeat(String nodeId, String url, Instant startedAt, Instant now) {
    if (update("UPDATE nodes SET heartbeat_at = ?, url = ? WHERE node_id = ?", now, url, nodeId)
        == 0) {
      update(
          "INSERT INTO nodes (node_id, url, started_at, heartbeat_at) VALUES (?, ?, ?, ?)",
          nodeId,
          url,
          startedAt,
          now);
    }
  }

  /** Forgets nodes silent since {@code cutoff}: stopped or killed ones no longer worth showing. */
  public int forgetNodesSilentSince(Instant cutoff) {
    return update("DELETE FROM nodes WHERE heartbeat_at < ?", cutoff);
  }

  public List<NodeRow> nodes() {
    return query(
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

  /** Gives up every claim of a node that is stopping, so others take its timers at once. */
  public void releaseClaims(String nodeId) {
    update(
        "UPDATE timers SET claimed_by = NULL, lease_until = NULL, version = version + 1"
            + " WHERE claimed_by = ?",
        nodeId);
  }

  /** How many timers are in each status (statuses without timers are left out). */
  public java.util.Map<org.globustimer.core.timer.TimerStatus, Long> countTimersByStatus() {
    java.util.Map<org.globustimer.core.timer.TimerStatus, Long> counts =
        new java.util.EnumMap<>(org.globustimer.core.timer.TimerStatus.class);
    for (Object[] row :
        query(
            "SELECT status, COUNT(*) FROM timers GROUP BY status",
            rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
      counts.put(org.globustimer.core.timer.TimerStatus.valueOf((String) row[0]), (Long) row[1]);
    }
    return counts;
  }

  /** Timers whose last run's action is still in progress at its provider. */
  public long countRunsInProgress() {
    return query("SELECT COUNT(*) FROM timers WHERE active_slot IS NOT NULL", rs -> rs.getLong(1))
        .getFirst();
  }

  public void removeNode(String nodeId) {
    update("DELETE FROM nodes WHERE node_id = ?", nodeId);
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  int update(String sql, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bindAll(ps, dialect, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("statement failed: " + firstWords(sql), e);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bindAll(ps, dialect, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + firstWords(sql), e);
    }
  }

  private <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = query(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  private static String firstWords(String sql) {
    return sql.length() > 60 ? sql.substring(0, 60) + "…" : sql;
  }
}
