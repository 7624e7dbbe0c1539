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
  }
}
