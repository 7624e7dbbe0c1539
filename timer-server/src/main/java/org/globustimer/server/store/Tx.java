package org.globustimer.server.store;

import static org.globustimer.server.store.Columns.bindAll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;

/** The store's statements, run inside one transaction opened by {@link TimerStore}. */
public final class Tx {

  private static final String TIMER_STATE_SET =
      "status = ?, inactive_cause = ?, inactive_detail = ?, next_slot = ?, next_run_at = ?,"
          + " pending_slot = ?, active_slot = ?, due_at = ?, n_runs = ?, n_errors = ?,"
          + " n_skipped = ?, last_ran_at = ?, claimed_by = ?, lease_until = ?,"
          + " version = version + 1";

  final Connection connection;
  private final Dialect dialect;

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
    TimerDefinition d = timer.definition();
    TimerState s = timer.state();
    List<Object> args =
        new ArrayList<>(
            java.util.Arrays.asList(
                timer.id(),
                timer.owner(),
                d.name(),
                d.type(),
                d.apiVersion(),
                timer.submittedAt(),
                d.start(),
                d.interval(),
                d.endAt(),
                d.endRuns(),
                d.callbackUrl(),
                d.callbackBody(),
                d.scope(),
                d.body(),
                d.flowId(),
                d.resumePolicy(),
                s.status(),
                s.inactiveCause(),
                s.inactiveDetail(),
                s.nextSlot(),
                s.nextRunAt(),
                s.pendingSlot(),
                s.activeSlot(),
                s.dueAt(),
                s.runs(),
                s.errors(),
                s.skipped(),
                s.lastRanAt(),
                s.claimedBy(),
                s.leaseUntil(),
                s.version()));
    args.addAll(TimingColumns.values(d.timing()));
    update(
        "INSERT INTO timers (id, owner, name, timer_type, api_version, submitted_at, start_at,"
            + " interval_ms, end_at, end_runs, callback_url, callback_body, scope, body, flow_id,"
            + " resume_policy, status, inactive_cause, inactive_detail, next_slot, next_run_at,"
            + " pending_slot, active_slot, due_at, n_runs, n_errors, n_skipped, last_ran_at,"
            + " claimed_by, lease_until, version, "
            + String.join(", ", TimingColumns.NAMES)
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(args.size(), "?"))
            + ")",
        args.toArray());
  }

  public Optional<TimerRow> findTimer(UUID id) {
    return queryOne("SELECT * FROM timers WHERE id = ?", Rows::timer, id);
  }

  public Optional<TimerRow> findTimer(String owner, UUID id) {
    return queryOne("SELECT * FROM timers WHERE id = ? AND owner = ?", Rows::timer, id, owner);
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
    return query(sql.toString(), Rows::timer, args.toArray());
  }

  /** Writes the engine's state of a timer if nobody changed it since {@code expectedVersion}. */
  public boolean updateState(UUID id, long expectedVersion, TimerState s) {
    return updateTimer("", List.of(), id, expectedVersion, s);
  }

  /** Writes what an update may change of the definition, with the state re-planned for it. */
  public boolean updateDefinitionAndState(
      UUID id, long expectedVersion, TimerDefinition d, TimerState s) {
    List<Object> definition =
        new ArrayList<>(java.util.Arrays.asList(d.name(), d.interval(), d.endAt(), d.endRuns()));
    definition.addAll(TimingColumns.values(d.timing()));
    return updateTimer(
        "name = ?, interval_ms = ?, end_at = ?, end_runs = ?, "
            + String.join(" = ?, ", TimingColumns.NAMES)
            + " = ?, ",
        definition,
        id,
        expectedVersion,
        s);
  }

  private boolean updateTimer(
      String definitionSet,
      List<Object> definitionArgs,
      UUID id,
      long expectedVersion,
      TimerState s) {
    List<Object> args = new ArrayList<>(definitionArgs);
    args.addAll(
        java.util.Arrays.asList(
            s.status(),
            s.inactiveCause(),
            s.inactiveDetail(),
            s.nextSlot(),
            s.nextRunAt(),
            s.pendingSlot(),
            s.activeSlot(),
            s.dueAt(),
            s.runs(),
            s.errors(),
            s.skipped(),
            s.lastRanAt(),
            s.claimedBy(),
            s.leaseUntil(),
            id,
            expectedVersion));
    return update(
            "UPDATE timers SET "
                + definitionSet
                + TIMER_STATE_SET
                + " WHERE id = ? AND version = ?",
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
    return new Claims(this, dialect).timers(node, now, dueBefore, leaseUntil, limit);
  }

  /** Inserts a run; false when the (timer, slot) row exists already. */
  public boolean insertRun(RunRow r) {
    List<Object> args =
        new ArrayList<>(
            java.util.Arrays.asList(
                r.timerId(),
                r.slot(),
                r.tickAt(),
                r.requestId(),
                r.state(),
                r.ranAt(),
                r.endAt(),
                r.attempts(),
                r.retryUntil(),
                r.httpStatusSubmission(),
                r.httpStatusPolled(),
                r.actionId(),
                r.data(),
                r.errors(),
                r.lastCheckAt(),
                r.nextCheckAt(),
                r.polls()));
    if (dialect.insertRepeatsKey()) {
      args.add(r.timerId());
      args.add(r.slot());
    }
    try {
      return update(dialect.insertRunIgnoringDuplicate(), args.toArray()) == 1;
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  public void updateRun(RunRow r) {
    update(
        "UPDATE runs SET state = ?, end_at = ?, attempts = ?, http_status_submission = ?,"
            + " http_status_polled = ?, action_id = ?, data = ?, errors = ?, last_check_at = ?,"
            + " next_check_at = ?, polls = ?, monitor_lease_until = NULL"
            + " WHERE timer_id = ? AND slot = ?",
        r.state(),
        r.endAt(),
        r.attempts(),
        r.httpStatusSubmission(),
        r.httpStatusPolled(),
        r.actionId(),
        r.data(),
        r.errors(),
        r.lastCheckAt(),
        r.nextCheckAt(),
        r.polls(),
        r.timerId(),
        r.slot());
  }

  public Optional<RunRow> findRun(UUID timerId, long slot) {
    return queryOne("SELECT * FROM runs WHERE timer_id = ? AND slot = ?", Rows::run, timerId, slot);
  }

  /** Runs of a timer, newest first, older than {@code beforeSlot} when given. */
  public List<RunRow> runs(UUID timerId, Long beforeSlot, int limit) {
    if (beforeSlot == null) {
      return query(
          "SELECT * FROM runs WHERE timer_id = ? ORDER BY slot DESC LIMIT " + limit,
          Rows::run,
          timerId);
    }
    return query(
        "SELECT * FROM runs WHERE timer_id = ? AND slot < ? ORDER BY slot DESC LIMIT " + limit,
        Rows::run,
        timerId,
        beforeSlot);
  }

  /** Claims runs whose action status is due to be checked, with a lease so one node polls each. */
  public List<RunRow> claimRunsToCheck(
      Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
    return new Claims(this, dialect).runsToCheck(now, dueBefore, leaseUntil, limit);
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
      bindAll(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("statement failed: " + firstWords(sql), e);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bindAll(ps, args);
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
