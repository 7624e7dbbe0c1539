package org.globustimer.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.globustimer.core.cron.CronExpression;
import org.globustimer.core.cron.CronSchedule;
import org.globustimer.core.cron.CronSyntaxException;
import org.globustimer.core.timer.CatchUpPolicy;
import org.globustimer.core.timer.OverlapPolicy;
import org.globustimer.core.timer.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The timers table's columns for a timer's {@link Timing}, written and read here only. */
final class TimingColumns {

  private static final Logger log = LoggerFactory.getLogger(TimingColumns.class);

  /** What an update of a timer may change of its timing: all of it. */
  static final Set<String> NAMES =
      Set.of(
          "cron_expression",
          "cron_timezone",
          "jitter_seconds",
          "overlap_policy",
          "catchup_policy",
          "catchup_window_ms");

  private TimingColumns() {}

  static Columns of(Timing t) {
    CronSchedule cron = t.cron();
    return new Columns()
        .put("cron_expression", cron == null ? null : cron.cron().text())
        .put("cron_timezone", cron == null ? null : cron.zone())
        .put("jitter_seconds", t.jitterSeconds())
        .put("overlap_policy", t.overlap())
        .put("catchup_policy", t.catchUp())
        .put("catchup_window_ms", t.catchUpWindow());
  }

  /** The timing of timer {@code id}; its id is the jitter's key. */
  static Timing read(ResultSet rs, UUID id) throws SQLException {
    String expression = rs.getString("cron_expression");
    CronSchedule cron = null;
    if (expression != null) {
      String zone = rs.getString("cron_timezone");
      try {
        cron = CronSchedule.parse(expression, zone);
      } catch (CronSyntaxException e) {
        // A zone that a time-zone database update removed: the expression still holds, in UTC.
        log.warn("timer {}: {}; reading its cron expression in UTC", id, e.getMessage());
        cron = new CronSchedule(CronExpression.parse(expression), "UTC");
      }
    }
    Long windowMs = Columns.longOrNull(rs, "catchup_window_ms");
    return new Timing(
        cron,
        rs.getInt("jitter_seconds"),
        OverlapPolicy.valueOf(rs.getString("overlap_policy")),
        CatchUpPolicy.valueOf(rs.getString("catchup_policy")),
        windowMs == null ? null : Duration.ofMillis(windowMs),
        id.toString());
  }
}
