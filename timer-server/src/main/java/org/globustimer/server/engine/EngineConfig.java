package org.globustimer.server.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.globustimer.server.store.TimerStore;

/**
 * Everything an engine is built from. {@code horizon} is how far ahead it claims due timers, {@code
 * lease} how long its claims outlive it, {@code url} how other nodes see it, {@code retention} how
 * long results are kept, {@code runTimeout} how long a run may stay in progress at its provider
 * (zero: no limit) unless a timer says otherwise, {@code outbox} where notifications are queued,
 * {@code jobs} the periodic work besides the engine's own retention sweep.
 */
public record EngineConfig(
    TimerStore store,
    ActionRouter router,
    Clock clock,
    TaskScheduler scheduler,
    String nodeId,
    String url,
    Duration horizon,
    Duration lease,
    Duration retention,
    Duration runTimeout,
    EngineEvents events,
    Outbox outbox,
    List<ServiceJob> jobs) {}
