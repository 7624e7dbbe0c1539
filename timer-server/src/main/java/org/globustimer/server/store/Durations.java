package org.globustimer.server.store;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long something took, each time: counts in buckets a quarter of a power of two wide (at most
 * 19% apart), so percentiles of a window are the difference of two {@link Snapshot}s. Recording is
 * lock-free and allocates nothing.
 */
public final class Durations {

  private static final int BUCKETS = 4 * 64;

  private final LongAdder[] counts = new LongAdder[BUCKETS];
  private final LongAdder totalNanos = new LongAdder();
  private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

  public Durations() {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = new LongAdder();
    }
  }

  public void record(long nanos) {
    long n = Math.max(1, nanos);
    counts[bucket(n)].increment();
    totalNanos.add(n);
    maxNanos.accumulate(n);
  }

  /** The longest duration recorded so far, in nanoseconds. */
  public long maxNanos() {
    return maxNanos.get();
  }

  public long totalNanos() {
    return totalNanos.sum();
  }

  public Snapshot snapshot() {
    long[] now = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      now[i] = counts[i].sum();
    }
    return new Snapshot(now, totalNanos.sum());
  }

  static int bucket(long nanos) {
    int exponent = 63 - Long.numberOfLeadingZeros(nanos);
    int quarter =
        exponent < 2 ? (int) (nanos - (1L << exponent)) : (int) ((nanos >>> (exponent - 2)) & 3);
    return exponent * 4 + quarter;
  }

  /** The largest duration that falls in {@code bucket}. */
  static long upperBound(int bucket) {
    int exponent = bucket / 4;
    if (exponent >= 62) {
      return Long.MAX_VALUE;
    }
    long step = exponent < 2 ? 1 : 1L << (exponent - 2);
    return (1L << exponent) + (bucket % 4 + 1) * step - 1;
  }

  /** Counts per bucket, and the time of all, at one moment. */
  public record Snapshot(long[] counts, long totalNanos) {

    /** What was recorded after {@code earlier}. */
    public Snapshot minus(Snapshot earlier) {
      long[] left = counts.clone();
      for (int i = 0; i < left.length; i++) {
        left[i] -= earlier.counts[i];
      }
      return new Snapshot(left, totalNanos - earlier.totalNanos);
    }

    public long count() {
      long sum = 0;
      for (long c : counts) {
        sum += c;
      }
      return sum;
    }

    /** How many took longer than {@code nanos} (to the bucket's precision). */
    public long over(long nanos) {
      long sum = 0;
      for (int i = bucket(Math.max(1, nanos)) + 1; i < counts.length; i++) {
        sum += counts[i];
      }
      return sum;
    }

    /** An upper bound of the longest duration, in nanoseconds; 0 when empty. */
    public long maxNanos() {
      for (int i = counts.length - 1; i >= 0; i--) {
        if (counts[i] > 0) {
          return upperBound(i);
        }
      }
      return 0;
    }

    /** An upper bound of the {@code q} quantile (0 < q ≤ 1), in nanoseconds; 0 when empty. */
    public long quantileNanos(double q) {
      long total = count();
      if (total == 0) {
        return 0;
      }
      long rank = (long) Math.ceil(q * total);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= Math.max(1, rank)) {
          return upperBound(i);
        }
      }
      return upperBound(counts.length - 1);
    }
  }
}
