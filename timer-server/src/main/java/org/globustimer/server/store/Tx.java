package org.globustimer.server.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;

/** The store's statements, run inside one transaction opened by {@link TimerStore}. */
public final class Tx {

  private final Sql sql;
  final Dialect dialect;

  Tx(Connection connection, Dialect dialect) {
    this.sql = new Sql(connection, dialect);
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

  /** Statements on the nodes sharing the database, in this transaction. */
  public NodeStatements nodes() {
    return new NodeStatements(sql);
  }

  /** Statements on the service's periodic jobs, in this transaction. */
  public JobStatements jobs() {
    return new JobStatements(sql);
  }

  /** Statements on the embedded service's local tokens, in this transaction. */
  public LocalTokenStatements localTokens() {
    return new LocalTokenStatements(sql);
  }

  public void insertTimer(TimerRow timer) {
    insertTimer(TimerInsert.of(timer));
  }

  /** Inserts a row built beforehand, outside the transaction. */
  public void insertTimer(TimerInsert timer) {
    timer.run(sql);
  }

  public Optional<TimerRow> findTimer(UUID id) {
    return queryOne("SELECT * FROM timers WHERE id = ?", TimerColumns::read, id);
  }

  public Optional<TimerRow> findTimer(String owner, UUID id) {
    return queryOne(
        "SELECT * FROM timers WHERE id = ? AND owner = ?", TimerColumns::read, id, owner);
  }

  public List<TimerRow> listTimers(String owner, TimerQuery query) {
    return TimerListing.list(sql, "owner = ?", List.of(owner), query);
  }

  /** Every owner's timers, for administrators. */
  public List<TimerRow> listAllOwnersTimers(TimerQuery query) {
    return TimerListing.list(sql, "1 = 1", List.of(), query);
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
   * Claims}). On PostgreSQL the transaction then commits without waiting for the log's flush (see
   * {@link Dialect.PostgreSql}): claim in a transaction of its own, with no durable write.
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

  /** Gives up the claim to poll a run's action, for another node to take at once. */
  public void releaseCheck(UUID timerId, long slot) {
    update(
        "UPDATE runs SET monitor_lease_until = NULL WHERE timer_id = ? AND slot = ?",
        timerId,
        slot);
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

  /**
   * Claims runs whose action status is due to be checked, with a lease so one node polls each; like
   * {@link #claimDue}, in a transaction of its own.
   */
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

  /** How many timers are in each status (statuses without timers are left out). */
  public Map<TimerStatus, Long> countTimersByStatus() {
    Map<TimerStatus, Long> counts = new EnumMap<>(TimerStatus.class);
    for (Object[] row :
        query(
            "SELECT status, COUNT(*) FROM timers GROUP BY status",
            rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
      counts.put(TimerStatus.valueOf((String) row[0]), (Long) row[1]);
    }
    return counts;
  }

  /** Timers whose last run's action is still in progress at its provider. */
  public long countRunsInProgress() {
    return query("SELECT COUNT(*) FROM timers WHERE active_slot IS NOT NULL", rs -> rs.getLong(1))
        .getFirst();
  }

  int update(String text, Object... args) {
    return sql.update(text, args);
  }

  <T> List<T> query(String text, Sql.RowMapper<T> mapper, Object... args) {
    return sql.query(text, mapper, args);
  }

  private <T> Optional<T> queryOne(String text, Sql.RowMapper<T> mapper, Object... args) {
    return sql.queryOne(text, mapper, args);
  }

  /** Closes the statements this transaction prepared. */
  void close() {
    sql.close();
  }
}
