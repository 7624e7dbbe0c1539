package org.globustimer.server.store;

import static org.globustimer.server.store.Columns.instant;
import static org.globustimer.server.store.Columns.intOrNull;
import static org.globustimer.server.store.Columns.longOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.globustimer.core.timer.ResumePolicy;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.RunState;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.core.timer.TimerType;

/** Maps result rows to records. */
final class Rows {

  private Rows() {}

  static TimerRow timer(ResultSet rs) throws SQLException {
    Long intervalMs = longOrNull(rs, "interval_ms");
    TimerDefinition definition =
        new TimerDefinition(
            rs.getString("name"),
            TimerType.valueOf(rs.getString("timer_type")),
            rs.getInt("api_version"),
            instant(rs, "start_at"),
            intervalMs == null ? null : Duration.ofMillis(intervalMs),
            instant(rs, "end_at"),
            intOrNull(rs, "end_runs"),
            rs.getString("callback_url"),
            rs.getString("callback_body"),
            rs.getString("scope"),
            rs.getString("body"),
            rs.getString("flow_id"),
            ResumePolicy.valueOf(rs.getString("resume_policy")),
            TimingColumns.read(rs, Columns.uuid(rs, "id")));
    TimerState state =
        new TimerState(
            TimerStatus.valueOf(rs.getString("status")),
            rs.getString("inactive_cause"),
            rs.getString("inactive_detail"),
            longOrNull(rs, "next_slot"),
            instant(rs, "next_run_at"),
            longOrNull(rs, "pending_slot"),
            longOrNull(rs, "active_slot"),
            instant(rs, "due_at"),
            rs.getInt("n_runs"),
            rs.getInt("n_errors"),
            rs.getInt("n_skipped"),
            instant(rs, "last_ran_at"),
            rs.getString("claimed_by"),
            instant(rs, "lease_until"),
            rs.getLong("version"));
    return new TimerRow(
        Columns.uuid(rs, "id"),
        rs.getString("owner"),
        instant(rs, "submitted_at"),
        definition,
        state);
  }

  static RunRow run(ResultSet rs) throws SQLException {
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
