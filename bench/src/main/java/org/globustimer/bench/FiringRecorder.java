package org.globustimer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Collects lag of arrivals inside the measuring window. */
final class FiringRecorder {
  private final long[] startMicros;
  private final long intervalMicros;
  private volatile long from = Long.MAX_VALUE;
  private volatile long to = Long.MAX_VALUE;
  private final LongAdder early = new LongAdder();
  private final long[] lastTick;
  private long duplicates;
  private final AtomicLong[] worstPerSecond = new AtomicLong[3_600];

  {
    for (int i = 0; i < worstPerSecond.length; i++) {
      worstPerSecond[i] = new AtomicLong();
    }
  }

  private final List<long[]> chunks = new ArrayList<>();
  private long[] current = new long[1 << 16];
  private int used;

  FiringRecorder(long[] startMicros, long intervalMicros) {
    this.startMicros = startMicros;
    this.intervalMicros = intervalMicros;
    this.lastTick = new long[startMicros.length];
    Arrays.fill(lastTick, Long.MIN_VALUE);
  }

  void window(long from, long to) {
    this.from = from;
    this.to = to;
  }

  /** An arrival of a request whose body names its timer's index as {@code "i":N}. */
  void arrival(String request, long arrivedMicros) {
    int at = request.indexOf("\"i\":") + 4;
    int end = at;
    while (end < request.length() && Character.isDigit(request.charAt(end))) {
      end++;
    }
    arrival(Integer.parseInt(request.substring(at, end)), arrivedMicros);
  }

  void arrival(int index, long arrivedMicros) {
    long start = startMicros[index];
    if (arrivedMicros < start) {
      early.increment();
      return;
    }
    long tick = start + (arrivedMicros - start) / intervalMicros * intervalMicros;
    if (tick < from || tick >= to) {
      return;
    }
    if (!record(index, tick, arrivedMicros - tick)) {
      return;
    }
    int second = (int) ((tick - from) / 1_000_000);
    if (second < worstPerSecond.length) {
      worstPerSecond[second].accumulateAndGet(arrivedMicros - tick, Math::max);
    }
  }

  /** False for a second arrival of the same tick (or one of an earlier tick after a later one). */
  private synchronized boolean record(int index, long tick, long lagMicros) {
    if (tick <= lastTick[index]) {
      duplicates++;
      return false;
    }
    lastTick[index] = tick;
    if (used == current.length) {
      chunks.add(current);
      current = new long[current.length];
      used = 0;
    }
    current[used++] = lagMicros;
    return true;
  }

  synchronized int recorded() {
    return chunks.size() * current.length + used;
  }

  synchronized void report(int timers, double rate, int seconds, long heap) {
    int total = chunks.size() * current.length + used;
    long[] lags = new long[total];
    int k = 0;
    for (long[] chunk : chunks) {
      System.arraycopy(chunk, 0, lags, k, chunk.length);
      k += chunk.length;
    }
    System.arraycopy(current, 0, lags, k, used);
    Arrays.sort(lags);
    long expected = Math.round(rate * seconds);
    System.out.println();
    System.out.printf("timers           %,d%n", timers);
    System.out.printf("target rate      %,.0f firings/s%n", rate);
    System.out.printf(
        "fired in window  %,d of %,d expected ticks (%d s)%n", total, expected, seconds);
    System.out.printf("sustained        %,.0f firings/s%n", total / (double) seconds);
    if (total > 0) {
      System.out.printf("lag p50          %.2f ms%n", lags[total / 2] / 1000.0);
      System.out.printf("lag p99          %.2f ms%n", lags[(int) (total * 0.99)] / 1000.0);
      System.out.printf("lag max          %.2f ms%n", lags[total - 1] / 1000.0);
    }
    System.out.printf("early firings    %d%n", early.sum());
    System.out.printf("repeated ticks   %d%n", duplicates);
    long over = Arrays.stream(lags).filter(lag -> lag > 10_000).count();
    System.out.printf("lag over 10 ms   %,d firings%n", over);
    StringBuilder worst = new StringBuilder();
    for (int second = 0; second < seconds; second++) {
      worst.append(String.format(" %d", worstPerSecond[second].get() / 1000));
    }
    System.out.println("max lag per second of the window (ms):" + worst);
    System.out.printf("heap after GC    %,d MiB%n", heap >> 20);
  }
}
