package org.globustimer.benchpeers;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects the action calls of one run. A call names its job ({@code "i"}) and, when the system
 * tells it, the tick it is for ({@code "t"}, epoch µs); otherwise the tick is the job's latest one
 * at arrival. Lag is arrival minus tick, for ticks inside the measuring window.
 */
final class Recorder {

  private final Workload workload;
  private final long from;
  private final long to;
  private final int slots;
  private final AtomicIntegerArray fired;
  private final LongAdder arrivalsInWindow = new LongAdder();
  private final LongAdder early = new LongAdder();
  private long[] lags = new long[1 << 16];
  private int used;

  Recorder(Workload workload, long fromMicros, long toMicros) {
    this.workload = workload;
    this.from = fromMicros;
    this.to = toMicros;
    this.slots = (int) ((to - from) / workload.intervalMicros()) + 2;
    this.fired = new AtomicIntegerArray(workload.jobs() * slots);
  }

  void arrival(String body, long arrivedMicros) {
    if (arrivedMicros >= from && arrivedMicros < to) {
      arrivalsInWindow.increment();
    }
    int job = (int) number(body, "\"i\":");
    long start = workload.startMicros(job);
    long interval = workload.intervalMicros();
    long tick = number(body, "\"t\":");
    if (tick < 0) {
      tick = start + Math.floorDiv(arrivedMicros - start, interval) * interval;
    }
    if (arrivedMicros < tick || arrivedMicros < start) {
      early.increment();
      return;
    }
    if (tick < from || tick >= to) {
      return;
    }
    long firstInWindow = Math.ceilDiv(from - start, interval);
    int slot = (int) ((tick - start) / interval - firstInWindow);
    fired.incrementAndGet(job * slots + slot);
    record(arrivedMicros - tick);
  }

  private static long number(String body, String key) {
    int at = body.indexOf(key);
    if (at < 0) {
      return -1;
    }
    int begin = at + key.length();
    int end = begin;
    while (end < body.length() && Character.isDigit(body.charAt(end))) {
      end++;
    }
    return Long.parseLong(body.substring(begin, end));
  }

  private synchronized void record(long lagMicros) {
    if (used == lags.length) {
      lags = Arrays.copyOf(lags, lags.length * 2);
    }
    lags[used++] = lagMicros;
  }

  long arrivalsInWindow() {
    return arrivalsInWindow.sum();
  }

  long expectedTicks() {
    long interval = workload.intervalMicros();
    long expected = 0;
    for (int job = 0; job < workload.jobs(); job++) {
      long start = workload.startMicros(job);
      long first = Math.max(0, Math.ceilDiv(from - start, interval));
      long last = Math.ceilDiv(to - start, interval);
      expected += Math.max(0, last - first);
    }
    return expected;
  }

  /** Lag figures (µs) over ticks of the window, with ticks never fired and fired twice. */
  synchronized Outcome outcome() {
    long[] sorted = Arrays.copyOf(lags, used);
    Arrays.sort(sorted);
    long distinct = 0;
    long twice = 0;
    for (int i = 0; i < fired.length(); i++) {
      int count = fired.get(i);
      distinct += count > 0 ? 1 : 0;
      twice += Math.max(0, count - 1);
    }
    long n = sorted.length;
    return new Outcome(
        n == 0 ? -1 : sorted[(int) (n / 2)],
        n == 0 ? -1 : sorted[(int) Math.min(n - 1, n * 99 / 100)],
        n == 0 ? -1 : sorted[(int) n - 1],
        expectedTicks() - distinct,
        twice,
        early.sum());
  }

  record Outcome(long p50, long p99, long max, long missed, long duplicates, long early) {}
}
