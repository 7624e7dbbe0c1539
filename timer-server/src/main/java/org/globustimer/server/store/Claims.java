package org.globustimer.server.store;

import static org.globustimer.server.store.Columns.bindAll;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;

/**
 * Claiming due work with a lease. On PostgreSQL one statement locks the candidates with {@code FOR
 * UPDATE SKIP LOCKED} and claims them, so concurrent nodes take disjoint sets and never wait for
 * each other. Elsewhere the candidates are read and then claimed each by a version-checked update:
 * a lost race drops the candidate, so two claimers never both win a timer either.
 */
final class Claims {

  private final Tx tx;
  private final Dialect dialect;

  Claims(Tx tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  List<TimerRow> timers(
      String node, Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
    return switch (dialect) {
      case Dialect.PostgreSql pg ->
          tx.query(pg.claimTimers(limit), Rows::timer, dueBefore, now, node, leaseUntil);
      case Dialect.H2 h2 -> timersByVersion(node, now, dueBefore, leaseUntil, limit);
    };
  }

  List<RunRow> runsToCheck(Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
    return switch (dialect) {
      case Dialect.PostgreSql pg ->
          tx.query(pg.claimRunsToCheck(limit), Rows::run, dueBefore, now, leaseUntil);
      case Dialect.H2 h2 -> runsOneByOne(now, dueBefore, leaseUntil, limit);
    };
  }

  private List<TimerRow> timersByVersion(
      String node, Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
    List<TimerRow> candidates =
        tx.query(
            // The lower bound keeps the index scan clear of the NULLs (timers with nothing due),
            // which H2 sorts first.
            "SELECT * FROM timers WHERE due_at BETWEEN 0 AND ? AND (lease_until IS NULL OR"
                + " lease_until < ?) ORDER BY due_at LIMIT "
                + limit,
            Rows::timer,
            dueBefore,
            now);
    if (candidates.isEmpty()) {
      return candidates;
    }
    List<TimerRow> claimed = new ArrayList<>(candidates.size());
    try (PreparedStatement ps =
        tx.connection.prepareStatement(
            "UPDATE timers SET claimed_by = ?, lease_until = ?, version = version + 1"
                + " WHERE id = ? AND version = ?")) {
      for (TimerRow candidate : candidates) {
        bindAll(ps, node, leaseUntil, candidate.id(), candidate.state().version());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 0) {
          TimerRow row = candidates.get(i);
          TimerState.Builder s = row.state().toBuilder();
          s.claimedBy = node;
          s.leaseUntil = leaseUntil;
          s.version = row.state().version() + 1;
          claimed.add(row.with(s.build()));
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new StoreException("claiming due timers failed", e);
    }
  }

  private List<RunRow> runsOneByOne(Instant now, Instant dueBefore, Instant leaseUntil, int limit) {
    List<RunRow> candidates =
        tx.query(
            // As above: finished runs have no next check and must not be scanned.
            "SELECT * FROM runs WHERE next_check_at BETWEEN 0 AND ? AND (monitor_lease_until IS"
                + " NULL OR monitor_lease_until < ?) ORDER BY next_check_at LIMIT "
                + limit,
            Rows::run,
            dueBefore,
            now);
    List<RunRow> claimed = new ArrayList<>();
    for (RunRow run : candidates) {
      int count =
          tx.update(
              "UPDATE runs SET monitor_lease_until = ? WHERE timer_id = ? AND slot = ? AND"
                  + " (monitor_lease_until IS NULL OR monitor_lease_until < ?)",
              leaseUntil,
              run.timerId(),
              run.slot(),
              now);
      if (count == 1) {
        claimed.add(run);
      }
    }
    return claimed;
  }
}
