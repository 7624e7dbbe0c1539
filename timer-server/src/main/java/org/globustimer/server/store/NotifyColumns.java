package org.globustimer.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.globustimer.core.timer.NotifyPolicy;

/**
 * The timers table's columns for a timer's run timeout and notifications, written and read here.
 */
final class NotifyColumns {

  /** What an update of a timer may change: all of these. */
  static final Set<String> NAMES =
      Set.of("run_timeout_ms", "notify_on", "notify_emails", "notify_webhook_url");

  private NotifyColumns() {}

  static Columns of(java.time.Duration runTimeout, NotifyPolicy n) {
    return new Columns()
        .put("run_timeout_ms", runTimeout)
        .put("notify_on", n.events() == null ? null : String.join(",", sorted(n.events())))
        .put("notify_emails", n.emails() == null ? null : String.join(",", n.emails()))
        .put("notify_webhook_url", n.webhookUrl());
  }

  static java.time.Duration runTimeout(ResultSet rs) throws SQLException {
    return Columns.millis(rs, "run_timeout_ms");
  }

  static NotifyPolicy read(ResultSet rs) throws SQLException {
    List<String> events = list(rs.getString("notify_on"));
    return new NotifyPolicy(
        events == null ? null : new LinkedHashSet<>(events),
        list(rs.getString("notify_emails")),
        rs.getString("notify_webhook_url"));
  }

  private static List<String> sorted(Set<String> events) {
    return events.stream().sorted().toList();
  }

  private static List<String> list(String text) {
    if (text == null) {
      return null;
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
