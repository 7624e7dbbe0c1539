package org.globustimer.server.api;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.timer.TimerStatus;

/**
 * {@code filter_status} (active, inactive, ended, deleted; repeated or comma-separated) and {@code
 * show_deleted} of a listing, as the statuses it asks for.
 */
final class StatusFilter {

  private StatusFilter() {}

  /** The statuses to list; null for all, deleted ones included. */
  static Set<TimerStatus> of(Context ctx) {
    List<String> wanted = ctx.queryParams("filter_status");
    boolean showDeleted = "true".equalsIgnoreCase(ctx.queryParam("show_deleted"));
    if (wanted.isEmpty()) {
      if (showDeleted) {
        return null;
      }
      Set<TimerStatus> all = EnumSet.allOf(TimerStatus.class);
      all.remove(TimerStatus.DELETED);
      return all;
    }
    Set<TimerStatus> statuses = EnumSet.noneOf(TimerStatus.class);
    for (String group : wanted) {
      for (String value : group.split(",")) {
        switch (value.trim().toLowerCase()) {
          case "active" ->
              statuses.addAll(EnumSet.of(TimerStatus.NEW, TimerStatus.LOADED, TimerStatus.UPDATED));
          case "inactive" -> statuses.add(TimerStatus.INACTIVE);
          case "ended" -> statuses.add(TimerStatus.ENDED);
          case "deleted" ->
              statuses.addAll(EnumSet.of(TimerStatus.DELETED, TimerStatus.DELETE_IN_PROGRESS));
          default ->
              throw ServiceException.invalid(
                  List.of("query", "filter_status"),
                  "'" + value + "' is not a status filter; use active, inactive, ended or deleted");
        }
      }
    }
    return statuses;
  }
}
