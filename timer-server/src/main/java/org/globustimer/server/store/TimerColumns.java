package org.globustimer.server.store;

import static org.globustimer.server.store.Columns.instant;
import static org.globustimer.server.store.Columns.intOrNull;
import static org.globustimer.server.store.Columns.longOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.globustimer.core.timer.ResumePolicy;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.core.timer.TimerType;

/** The timers table's columns: each field of a timer is written and read here and only here. */
final class TimerColumns {

  /** What an update of a timer may change of its definition. */
  static final Set<String> CHANGEABLE = changeable();

  private static Set<String> changeable() {
    Set<String> names = new java.util.HashSet<>(TimingColumns.NAMES);
    names.addAll(NotifyColumns.NAMES);
    names.addAll(Set.of("name", "interval_ms", "end_at", "end_runs"));
    return Set.copyOf(names);
  }

  private TimerColumns() {}

  static Columns of(TimerRow timer) {
    return new Columns()
        .put("id", timer.id())
        .put("owner", timer.owner())
        .put("submitted_at", timer.submittedAt())
        .putAll(definition(timer.definition()))
        .putAll(state(timer.state()))
        .put("version", timer.state().version());
  }

  static Columns definition(TimerDefinition d) {
    return new Columns()
        .put("name", d.name())
        .put("timer_type", d.type())
        .put("api_version", d.apiVersion())
        .put("start_at", d.start())
        .put("interval_ms", d.interval())
        .put("end_at", d.endAt())
        .put("end_runs", d.endRuns())
        .put("callback_url", d.callbackUrl())
        .put("callback_body", d.callbackBody())
        .put("scope", d.scope())
        .put("body", d.body())
        .put("flow_id", d.flowId())
        .put("resume_policy", d.resumePolicy())
        .putAll(TimingColumns.of(d.timing()))
        .putAll(NotifyColumns.of(d.runTimeout(), d.notifications()));
  }

  /** The engine's state of a timer, without its version (which only the store advances). */
  static Columns state(TimerState s) {
    return new Columns()
        .put("status", s.status())
        .put("inactive_cause", s.inactiveCause())
        .put("inactive_detail", s.inactiveDetail())
        .put("next_slot", s.nextSlot())
        .put("next_run_at", s.nextRunAt())
        .put("pending_slot", s.pendingSlot())
        .put("active_slot", s.activeSlot())
        .put("due_at", s.dueAt())
        .put("n_runs", s.runs())
        .put("n_errors", s.errors())
        .put("n_skipped", s.skipped())
        .put("last_ran_at", s.lastRanAt())
        .put("claimed_by", s.claimedBy())
        .put("lease_until", s.leaseUntil());
  }

  static TimerRow read(ResultSet rs) throws SQLException {
    TimerDefinition definition =
        new TimerDefinition(
            rs.getString("name"),
            TimerType.valueOf(rs.getString("timer_type")),
            rs.getInt("api_version"),
            instant(rs, "start_at"),
            Columns.millis(rs, "interval_ms"),
            instant(rs, "end_at"),
            intOrNull(rs, "end_runs"),
            rs.getString("callback_url"),
            rs.getString("callback_body"),
            rs.getString("scope"),
            rs.getString("body"),
            rs.getString("flow_id"),
            ResumePolicy.valueOf(rs.getString("resume_policy")),
            TimingColumns.read(rs, Columns.uuid(rs, "id")),
            NotifyColumns.runTimeout(rs),
            NotifyColumns.read(rs));
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
}
