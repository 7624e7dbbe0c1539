package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;
import org.globustimer.server.store.Tx;

/** A timer's document with a page of its runs and its current one, as read in one transaction. */
final class JobPages {

  private JobPages() {}

  /** A timer just created has no runs yet, so its document needs no read of the database. */
  static ObjectNode created(TimerRow timer, Instant now) {
    return JobDocuments.job(timer, List.of(), null, null, now);
  }

  /** The same, with the bodies' trees as the request gave them. */
  static ObjectNode created(TimerRow timer, Instant now, JobDocuments.Bodies bodies) {
    return JobDocuments.job(timer, List.of(), null, null, now, bodies);
  }

  static ObjectNode document(Tx tx, TimerRow timer, int resultCount, Long beforeSlot, Instant now) {
    TimerRow fresh = tx.findTimer(timer.id()).orElse(timer);
    List<RunRow> runs =
        resultCount == 0 ? List.of() : tx.runs(timer.id(), beforeSlot, resultCount + 1);
    String pageNext = null;
    if (runs.size() > resultCount) {
      runs = runs.subList(0, resultCount);
      pageNext = String.valueOf(runs.getLast().slot());
    }
    TimerState s = fresh.state();
    Long currentSlot = s.pendingSlot() != null ? s.pendingSlot() : s.activeSlot();
    RunRow current = currentSlot == null ? null : tx.findRun(timer.id(), currentSlot).orElse(null);
    if (current == null && s.pendingSlot() != null) {
      // Submitted a moment ago: its run is recorded with the provider's answer.
      current =
          RunRow.submitting(
              timer.id(),
              s.pendingSlot(),
              Instant.ofEpochMilli(s.pendingSlot()),
              null,
              s.lastRanAt() == null ? now : s.lastRanAt(),
              null);
    }
    return JobDocuments.job(fresh, runs, pageNext, current, now);
  }
}
