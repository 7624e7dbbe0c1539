package org.globustimer.server.store;

import static org.globustimer.server.store.Columns.instant;
import static org.globustimer.server.store.Columns.intOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;

/** The runs table's columns: each field of a run is written and read here and only here. */
final class RunColumns {

  /** What the engine changes of a run after inserting it. */
  static final Set<String> CHANGEABLE =
      Set.of(
          "state",
          "end_at",
          "attempts",
          "http_status_submission",
          "http_status_polled",
          "action_id",
          "data",
          "errors",
          "last_check_at",
          "next_check_at",
          "polls");

  private RunColumns() {}

  static Columns of(RunRow r) {
    return new Columns()
        .put("timer_id", r.timerId())
        .put("slot", r.slot())
        .put("tick_at", r.tickAt())
        .put("request_id", r.requestId())
        .put("state", r.state())
        .put("ran_at", r.ranAt())
        .put("end_at", r.endAt())
        .put("attempts", r.attempts())
        .put("retry_until", r.retryUntil())
        .put("http_status_submission", r.httpStatusSubmission())
        .put("http_status_polled", r.httpStatusPolled())
        .put("action_id", r.actionId())
        .put("data", r.data())
        .put("errors", r.errors())
        .put("last_check_at", r.lastCheckAt())
        .put("next_check_at", r.nextCheckAt())
        .put("polls", r.polls());
  }

  static RunRow read(ResultSet rs) throws SQLException {
    return new RunRow(
        Columns.uuid(rs, "timer_id"),
        rs.getLong("slot"),
        instant(rs, "tick_at"),
        rs.getString("request_id"),
        RunState.valueOf(rs.getString("state")),
        instant(rs, "ran_at"),
        instant(rs, "end_at"),
        rs.getInt("attempts"),
        instant(rs, "retry_until"),
        intOrNull(rs, "http_status_submission"),
        intOrNull(rs, "http_status_polled"),
        rs.getString("action_id"),
        rs.getString("data"),
        rs.getString("errors"),
        instant(rs, "last_check_at"),
        instant(rs, "next_check_at"),
        rs.getInt("polls"));
  }
}
