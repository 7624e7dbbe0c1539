package org.globustimer.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.globustimer.core.timer.TimerRow;

/** The query behind a page of timers: the filters of a {@link TimerQuery} as a WHERE clause. */
final class TimerListing {

  private TimerListing() {}

  static List<TimerRow> list(Sql sql, String where, List<Object> args, TimerQuery query) {
    StringBuilder text = new StringBuilder("SELECT * FROM timers WHERE " + where);
    List<Object> all = new ArrayList<>(args);
    if (query.statuses() != null) {
      text.append(" AND status IN (");
      text.append(String.join(", ", query.statuses().stream().map(s -> "?").toList()));
      text.append(")");
      all.addAll(query.statuses());
    }
    if (query.nameContains() != null) {
      text.append(" AND LOWER(name) LIKE ? ESCAPE '\\'");
      all.add("%" + escapeLike(query.nameContains().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.submittedAfter() != null) {
      text.append(" AND submitted_at > ?");
      all.add(query.submittedAfter());
    }
    if (query.submittedBefore() != null) {
      text.append(" AND submitted_at < ?");
      all.add(query.submittedBefore());
    }
    text.append(" ORDER BY submitted_at ").append(query.newestFirst() ? "DESC" : "ASC");
    text.append(", id LIMIT ").append(query.limit());
    return sql.query(text.toString(), TimerColumns::read, all.toArray());
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
