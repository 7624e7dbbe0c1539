package org.globustimer.server.engine;

import java.time.Instant;
import java.util.UUID;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerState;

/**
 * This node's hold on the timers it claimed: a state it writes keeps the claim (its lease renewed)
 * while the timer is due again within the horizon and gives it back otherwise, and a row is only
 * kept, or read again, while the claim on it is still this node's.
 */
final class Holding {

  private final EngineContext context;

  Holding(EngineContext context) {
    this.context = context;
  }

  /** Keeps the claim (renewing its lease) when the timer is due again within the horizon. */
  TimerState withClaim(TimerState next, Instant now) {
    if (!context.nodeId().equals(next.claimedBy())) {
      return next;
    }
    TimerState.Builder b = next.toBuilder();
    if (next.dueAt() != null && !next.dueAt().isAfter(now.plus(context.horizon()))) {
      b.leaseUntil = now.plus(context.lease());
      context.events().leaseRenewed();
    } else {
      b.released();
    }
    return b.build();
  }

  /** The row, when this node still holds it; else null. */
  TimerRow kept(TimerRow row) {
    return context.nodeId().equals(row.state().claimedBy()) ? row : null;
  }

  /** The timer as stored now, when this node still holds it; else null. */
  TimerRow reread(UUID id) {
    TimerRow fresh = context.store().read(tx -> tx.findTimer(id)).orElse(null);
    return fresh != null && context.nodeId().equals(fresh.state().claimedBy()) ? fresh : null;
  }

  /** The state as it is once written: the store bumps the version of every write. */
  static TimerState bumped(TimerState s) {
    TimerState.Builder b = s.toBuilder();
    b.version = s.version() + 1;
    return b.build();
  }
}
