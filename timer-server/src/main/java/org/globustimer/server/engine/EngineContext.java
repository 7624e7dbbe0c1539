package org.globustimer.server.engine;

import java.time.Clock;
import java.time.Duration;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.store.GroupCommit;
import org.globustimer.server.store.TimerStore;

/** What the engine's parts share: the store, the way to providers, the clock and the timings. */
record EngineContext(
    TimerStore store,
    GroupCommit writer,
    ActionRouter router,
    Clock clock,
    String nodeId,
    Duration horizon,
    Duration lease,
    Duration runTimeout,
    EngineEvents events,
    Outbox outbox) {

  Duration firstCheckDelay(TimerRow timer) {
    return router.isBuiltIn(timer.definition().callbackUrl())
        ? Duration.ofMillis(300)
        : Duration.ofSeconds(1);
  }

  /** Polls back off from half a second, doubling, to this cap. */
  Duration checkCap(TimerRow timer) {
    return router.isBuiltIn(timer.definition().callbackUrl())
        ? Duration.ofSeconds(2)
        : Duration.ofSeconds(60);
  }
}
