package org.globustimer.server.store;

import java.time.Instant;
import java.util.Set;
import org.globustimer.core.timer.TimerStatus;

/** Filters of a timer listing; null means "any". */
public record TimerQuery(
    Set<TimerStatus> statuses,
    String nameContains,
    Instant submittedAfter,
    Instant submittedBefore,
    boolean newestFirst,
    int limit) {}
