package org.globustimer.transfer.copy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.globustimer.transfer.TransferException;

/**
 * The file copies of one task in flight: at most {@code parallel} large files, or up to {@value
 * #SMALL_PER_LARGE} small ones (under 1 MiB) in each large file's place. Remembers the first
 * failure; once there is one, copies not yet started are not started.
 */
final class CopySlots {

  static final int SMALL_PER_LARGE = 8;
  private static final long SMALL_FILE = 1 << 20;

  private final ExecutorService executor;
  private final int slots;
  private final Semaphore permits;
  private final AtomicReference<TransferException> failure = new AtomicReference<>();

  CopySlots(ExecutorService executor, int parallel) {
    this.executor = executor;
    this.slots = Math.max(1, parallel) * SMALL_PER_LARGE;
    this.permits = new Semaphore(slots);
  }

  /** Waits for a slot, then runs {@code copy} on the executor. */
  void submit(long size, Runnable copy) {
    int weight = size < SMALL_FILE ? 1 : SMALL_PER_LARGE;
    try {
      permits.acquire(weight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw stopping();
    }
    try {
      executor.execute(() -> run(copy, weight));
    } catch (RejectedExecutionException e) {
      permits.release(weight);
      throw stopping();
    }
  }

  private void run(Runnable copy, int weight) {
    try {
      if (failure.get() == null) {
        copy.run();
      }
    } catch (TransferException e) {
      failure.compareAndSet(null, e);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, TransferException.internal("copy failed: " + e, e));
    } finally {
      permits.release(weight);
    }
  }

  /** Waits until every submitted copy has ended. */
  void awaitAll() {
    permits.acquireUninterruptibly(slots);
    permits.release(slots);
  }

  /** Throws the first failure of a copy, if there was one. */
  void checkFailed() {
    TransferException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  private static TransferException stopping() {
    return new TransferException("SHUTDOWN", 503, "the transfer service is stopping");
  }
}
