package org.globustimer.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.globustimer.server.store.Durations;
import org.globustimer.server.store.TimerStore;
import org.globustimer.server.store.WalCheckpointer;

/**
 * The store's commits and, on SQLite, its log checkpoints as meters: a firing waits for a commit,
 * so these show whether a slow firing waited on the disk.
 */
final class StoreMeters {

  private StoreMeters() {}

  static void bind(MeterRegistry registry, TimerStore store) {
    timer(
        registry,
        "globus.timer.store.commits",
        "Commits of write transactions",
        store.commitTimes());
    WalCheckpointer wal = store.checkpointer();
    if (wal == null) {
      return;
    }
    timer(
        registry,
        "globus.timer.store.checkpoints.passive",
        "Background checkpoints of the SQLite log",
        wal.passives());
    timer(
        registry,
        "globus.timer.store.checkpoints.tail",
        "Checkpoints of the log's last frames on the writer connection, letting the log restart",
        wal.tails());
    counter(registry, "idle", wal, WalCheckpointer::idleTails);
    counter(registry, "forced", wal, WalCheckpointer::forcedTails);
    FunctionCounter.builder(
            "globus.timer.store.checkpoints.tail.incomplete", wal, WalCheckpointer::incompleteTails)
        .description("Tail checkpoints a reader held up, so that the log did not restart")
        .register(registry);
    Gauge.builder("globus.timer.store.wal.frames", wal, WalCheckpointer::logFrames)
        .description("Frames in the SQLite log at its last checkpoint")
        .register(registry);
  }

  private static void timer(
      MeterRegistry registry, String name, String description, Durations durations) {
    FunctionTimer.builder(
            name, durations, d -> d.snapshot().count(), Durations::totalNanos, TimeUnit.NANOSECONDS)
        .description(description)
        .register(registry);
    Gauge.builder(name + ".max", durations, d -> d.maxNanos() / 1e9)
        .description(description + ": the longest so far, in seconds")
        .baseUnit("seconds")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry,
      String kind,
      WalCheckpointer wal,
      ToDoubleFunction<WalCheckpointer> f) {
    FunctionCounter.builder("globus.timer.store.checkpoints.tail.kind", wal, f)
        .description("Tail checkpoints by when they ran: when idle, or while commits waited")
        .tag("kind", kind)
        .register(registry);
  }
}
