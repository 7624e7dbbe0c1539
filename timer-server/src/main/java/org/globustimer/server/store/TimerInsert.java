package org.globustimer.server.store;

import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.core.timer.TimerRow;

/**
 * A new timer's row, turned into its statement and values by the caller's thread before it is
 * handed to the group commit: the one writer then only binds and steps, so the work of building the
 * row is spread over the request threads instead of lengthening every shared commit.
 */
public final class TimerInsert {

  /** The statement text per column list (it is the same for nearly every timer). */
  private static final ConcurrentHashMap<String, String> STATEMENTS = new ConcurrentHashMap<>();

  private final String sql;
  private final Object[] args;

  private TimerInsert(String sql, Object[] args) {
    this.sql = sql;
    this.args = args;
  }

  public static TimerInsert of(TimerRow timer) {
    Columns columns = TimerColumns.of(timer);
    String sql = STATEMENTS.computeIfAbsent(columns.names(), names -> columns.insertInto("timers"));
    return new TimerInsert(sql, columns.args());
  }

  void run(Sql statements) {
    statements.update(sql, args);
  }
}
