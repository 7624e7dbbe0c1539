package org.globustimer.server.store;

/** What differs between the databases the store runs on; chosen from the JDBC URL. */
sealed interface Dialect permits Dialect.H2, Dialect.PostgreSql {

  String migrationsLocation();

  /** Inserts a run, doing nothing when its (timer, slot) row already exists. */
  String insertRunIgnoringDuplicate();

  /** Whether {@link #insertRunIgnoringDuplicate()} takes the key twice more at its end. */
  boolean insertRepeatsKey();

  static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return new H2();
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return new PostgreSql();
    }
    throw new IllegalArgumentException(
        "unsupported database URL '" + jdbcUrl + "': use jdbc:h2:… or jdbc:postgresql://…");
  }

  String RUN_COLUMNS =
      "timer_id, slot, tick_at, request_id, state, ran_at, end_at, attempts, retry_until,"
          + " http_status_submission, http_status_polled, action_id, data, errors, last_check_at,"
          + " next_check_at, polls";

  record H2() implements Dialect {
    @Override
    public String migrationsLocation() {
      return "classpath:db/timer/h2";
    }

    @Override
    public String insertRunIgnoringDuplicate() {
      return "INSERT INTO runs ("
          + RUN_COLUMNS
          + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM DUAL"
          + " WHERE NOT EXISTS (SELECT 1 FROM runs WHERE timer_id = ? AND slot = ?)";
    }

    @Override
    public boolean insertRepeatsKey() {
      return true;
    }
  }

  record PostgreSql() implements Dialect {
    @Override
    public String migrationsLocation() {
      return "classpath:db/timer/postgresql";
    }

    @Override
    public String insertRunIgnoringDuplicate() {
      return "INSERT INTO runs ("
          + RUN_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (timer_id, slot) DO NOTHING";
    }

    @Override
    public boolean insertRepeatsKey() {
      return false;
    }

    /**
     * Locks up to {@code limit} due timers whose lease is free or expired, skipping rows another
     * node has locked, and claims them in the same statement. Binds: due before, now, node, lease.
     */
    String claimTimers(int limit) {
      return "WITH due AS MATERIALIZED (SELECT id FROM timers WHERE due_at <= ? AND"
          + " (lease_until IS NULL OR lease_until < ?) ORDER BY due_at LIMIT "
          + limit
          + " FOR UPDATE SKIP LOCKED) UPDATE timers t SET claimed_by = ?, lease_until = ?,"
          + " version = t.version + 1 FROM due WHERE t.id = due.id RETURNING t.*";
    }

    /** Likewise for runs whose action is due to be checked. Binds: due before, now, lease. */
    String claimRunsToCheck(int limit) {
      return "WITH due AS MATERIALIZED (SELECT timer_id, slot FROM runs WHERE next_check_at <= ?"
          + " AND (monitor_lease_until IS NULL OR monitor_lease_until < ?) ORDER BY next_check_at"
          + " LIMIT "
          + limit
          + " FOR UPDATE SKIP LOCKED) UPDATE runs r SET monitor_lease_until = ? FROM due"
          + " WHERE r.timer_id = due.timer_id AND r.slot = due.slot RETURNING r.*";
    }
  }
}
