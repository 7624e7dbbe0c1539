package org.globustimer.bench;

import java.lang.management.ManagementFactory;
import org.globustimer.server.store.GroupCommit;

/**
 * What a run of creates cost, from a snapshot taken before it: the store's group commits (how many,
 * how many writes each, how long) and this process's CPU per create, with the rate that CPU would
 * allow on this machine's cores if nothing else ran.
 */
final class CreateCosts {

  private final GroupCommit writer;
  private final long commits;
  private final long units;
  private final long busyNanos;
  private final long cpuNanos;

  private CreateCosts(GroupCommit writer) {
    this.writer = writer;
    this.commits = writer.commits();
    this.units = writer.committedUnits();
    this.busyNanos = writer.busyNanos();
    this.cpuNanos = processCpuNanos();
  }

  static CreateCosts from(GroupCommit writer) {
    return new CreateCosts(writer);
  }

  /** Prints the run's figures; {@code whose} says whose CPU the process's time includes. */
  void print(int timers, int clients, double seconds, long failures, String whose) {
    double cpuMicros = (processCpuNanos() - cpuNanos) / 1e3 / timers;
    long made = writer.commits() - commits;
    long busy = writer.busyNanos() - busyNanos;
    System.out.printf(
        "created %,d timers with %d clients in %.1f s: %,.0f/s (%d failed)%n",
        timers, clients, seconds, timers / seconds, failures);
    System.out.printf(
        "commits          %,d (%.1f writes each, %.0f/s, %.1f ms each; writer busy %.0f%%)%n",
        made,
        (writer.committedUnits() - units) / (double) made,
        made / seconds,
        busy / 1e6 / made,
        busy / 1e7 / seconds);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "CPU per create   %,.0f µs (%s; %d cores allow %,.0f/s at most)%n",
        cpuMicros, whose, cores, cores * 1e6 / cpuMicros);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
