package org.globustimer.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;

/**
 * What differs between the databases the store runs on, one class per database, chosen from the
 * JDBC URL. Everything else in the store is SQL both accept.
 */
sealed interface Dialect permits Dialect.Sqlite, Dialect.PostgreSql {

  String migrationsLocation();

  /** Binds a UUID: PostgreSQL has a type for it, SQLite keeps its text. */
  void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException;

  /** What a SELECT ends with to lock its rows until the transaction ends. */
  String forUpdate();

  /**
   * Claims up to {@code limit} timers due before {@code dueBefore} whose lease is free or expired
   * at {@code now}, for {@code node} until {@code leaseUntil}, in one statement: concurrent
   * claimers never both win a timer.
   */
  List<TimerRow> claimTimers(
      Tx tx, String node, Instant now, Instant dueBefore, Instant leaseUntil, int limit);

  /** Likewise for runs whose action is due to be checked, so one node polls each. */
  List<RunRow> claimRunsToCheck(
      Tx tx, Instant now, Instant dueBefore, Instant leaseUntil, int limit);

  static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return new Sqlite();
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return new PostgreSql();
    }
    throw new IllegalArgumentException(
        "unsupported database URL '"
            + jdbcUrl
            + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE");
  }

  /**
   * SQLite: one process writes through one connection, so a claim needs no row locks; the lease
   * test inside the UPDATE still keeps a second process on the same file from taking a claimed
   * timer. The lower bound keeps the index scans clear of the NULLs (nothing due), which SQLite
   * sorts first.
   */
  record Sqlite() implements Dialect {
    @Override
    public String migrationsLocation() {
      return "classpath:db/timer/sqlite";
    }

    @Override
    public void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
      ps.setString(index, value.toString());
    }

    @Override
    public String forUpdate() {
      return "";
    }

    @Override
    public List<TimerRow> claimTimers(
        Tx tx, String node, Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
      return tx.query(
          "UPDATE timers SET claimed_by = ?, lease_until = ?, version = version + 1 WHERE id IN"
              + " (SELECT id FROM (SELECT id, due_at FROM (SELECT id, due_at FROM timers WHERE"
              + " due_at BETWEEN 0 AND ? AND lease_until IS NULL ORDER BY due_at LIMIT "
              + limit
              + ") UNION ALL SELECT id, due_at FROM (SELECT id, due_at FROM timers WHERE"
              + " lease_until < ? AND due_at BETWEEN 0 AND ? ORDER BY due_at LIMIT "
              + limit
              + ")) ORDER BY due_at LIMIT "
              + limit
              + ") RETURNING *",
          TimerColumns::read,
          node,
          leaseUntil,
          dueBefore,
          now,
          dueBefore);
    }

    @Override
    public List<RunRow> claimRunsToCheck(
        Tx tx, Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
      return tx.query(
          "UPDATE runs SET monitor_lease_until = ? WHERE (timer_id, slot) IN (SELECT timer_id,"
              + " slot FROM runs WHERE next_check_at BETWEEN 0 AND ? AND (monitor_lease_until IS"
              + " NULL OR monitor_lease_until < ?) ORDER BY next_check_at LIMIT "
              + limit
              + ") RETURNING *",
          RunColumns::read,
          leaseUntil,
          dueBefore,
          now);
    }
  }

  /**
   * PostgreSQL: one statement locks the candidates with {@code FOR UPDATE SKIP LOCKED} and claims
   * them, so concurrent nodes take disjoint sets and never wait for each other.
   *
   * <p>A claim's commit does not wait for the log's flush ({@code synchronous_commit} off for that
   * transaction only): nothing is acknowledged on a claim, and every write that relies on one (a
   * firing's write before its call, its answer) is itself a synchronous commit later in the same
   * log, so its flush makes the claim durable too. A claim lost with the server is only a claim not
   * made: the node's version-checked writes then fail and the timer is claimed again.
   */
  record PostgreSql() implements Dialect {
    /**
     * How a claim's transaction runs: without the log's flush (above), and planned for its own
     * instants with ordered index scans. A plan made once for any instant (the driver's prepared
     * statement, after five runs) guessed that a third of the table was due and scanned all of it.
     * A bitmap scan, the planner's other choice, visits in the table every entry that updates left
     * behind in the index (one per tick, tens of thousands between two vacuums) and marks none of
     * them; an index scan marks each dead entry it meets, so the next claim skips it. The claimed
     * ids are then updated through the primary key ({@code = ANY(ARRAY(…))}); joined to the table
     * instead, they were planned as a hash join over all of it.
     */
    private static final String TIMER_CLAIM_SETTINGS =
        "SELECT set_config('synchronous_commit', 'off', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true),"
            + " set_config('enable_bitmapscan', 'off', true)";

    /** Runs are only inserted and their checks cleared, so their index keeps few dead entries. */
    private static final String RUN_CLAIM_SETTINGS =
        "SELECT set_config('synchronous_commit', 'off', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true)";

    @Override
    public String migrationsLocation() {
      return "classpath:db/timer/postgresql";
    }

    @Override
    public void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
      ps.setObject(index, value);
    }

    @Override
    public String forUpdate() {
      return " FOR UPDATE";
    }

    @Override
    public List<TimerRow> claimTimers(
        Tx tx, String node, Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
      tx.query(TIMER_CLAIM_SETTINGS, rs -> null);
      return tx.query(
          "WITH free AS MATERIALIZED (SELECT id, due_at FROM timers WHERE due_at <= ? AND"
              + " lease_until IS NULL ORDER BY due_at LIMIT "
              + limit
              + " FOR UPDATE SKIP LOCKED), expired AS MATERIALIZED (SELECT id, due_at FROM timers"
              + " WHERE lease_until < ? AND due_at <= ? ORDER BY lease_until LIMIT "
              + limit
              + " FOR UPDATE SKIP LOCKED) UPDATE timers t SET claimed_by = ?, lease_until = ?,"
              + " version = t.version + 1 WHERE t.id = ANY(ARRAY(SELECT id FROM (SELECT id, due_at"
              + " FROM free UNION ALL SELECT id, due_at FROM expired) c ORDER BY due_at LIMIT "
              + limit
              + ")) RETURNING t.*",
          TimerColumns::read,
          dueBefore,
          now,
          dueBefore,
          node,
          leaseUntil);
    }

    @Override
    public List<RunRow> claimRunsToCheck(
        Tx tx, Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
      tx.query(RUN_CLAIM_SETTINGS, rs -> null);
      return tx.query(
          "WITH due AS MATERIALIZED (SELECT timer_id, slot FROM runs WHERE next_check_at <= ?"
              + " AND (monitor_lease_until IS NULL OR monitor_lease_until < ?) ORDER BY"
              + " next_check_at LIMIT "
              + limit
              + " FOR UPDATE SKIP LOCKED) UPDATE runs r SET monitor_lease_until = ? FROM due"
              + " WHERE r.timer_id = due.timer_id AND r.slot = due.slot RETURNING r.*",
          RunColumns::read,
          dueBefore,
          now,
          leaseUntil);
    }
  }
}
