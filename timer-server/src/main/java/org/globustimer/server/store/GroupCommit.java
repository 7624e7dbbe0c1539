package org.globustimer.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs many small units of work in shared transactions: callers on any thread hand in a unit and
 * wait; a writer takes every unit waiting at that moment and commits them together. Under load this
 * turns thousands of tiny commits a second into a few hundred larger ones; when idle a unit is
 * committed at once. A failing batch is retried one unit at a time, so one bad unit fails alone.
 *
 * <p>At most one batch per lane commits at a time. Where callers may commit (PostgreSQL), a caller
 * that finds a lane free commits the units waiting at that moment, its own first, on its own thread
 * instead of handing them to a writer thread and waiting to be woken; the writer threads commit
 * what is handed in while every lane is busy.
 */
public final class GroupCommit implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final int MAX_BATCH = 512;

  private record Unit<T>(Function<Tx, T> work, CompletableFuture<T> result) {}

  private final TimerStore store;
  private final LinkedBlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  // Fair, so that a writer thread waiting for a lane is not overtaken by callers arriving later:
  // those hand their units in and the writer commits them with its own.
  private final Semaphore lanes;
  private final boolean callersCommit;
  private volatile boolean running = true;
  private final LongAdder commits = new LongAdder();
  private final LongAdder committedUnits = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();

  /**
   * {@code writerCount} lanes, each with a writer thread; with {@code callersCommit}, callers that
   * find a lane free commit on their own thread.
   */
  public GroupCommit(TimerStore store, int writerCount, boolean callersCommit) {
    this.store = store;
    this.lanes = new Semaphore(writerCount, true);
    this.callersCommit = callersCommit;
    for (int i = 0; i < writerCount; i++) {
      writers.add(
          Thread.ofPlatform().name("timer-writer-" + i).daemon().start(this::writeUntilStopped));
    }
  }

  /**
   * Runs {@code work} in a transaction shared with others and returns its result once committed.
   */
  public <T> T run(Function<Tx, T> work) {
    if (!running) {
      throw new IllegalStateException("the store's writer has stopped");
    }
    Unit<T> unit = new Unit<>(work, new CompletableFuture<>());
    if (callersCommit && freeLane()) {
      List<Unit<?>> batch = new ArrayList<>();
      batch.add(unit);
      queue.drainTo(batch, MAX_BATCH - 1);
      try {
        timedCommit(batch);
      } finally {
        lanes.release();
      }
    } else {
      queue.add(unit);
    }
    try {
      return unit.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** Takes a lane if one is free and no writer thread is waiting for one. */
  private boolean freeLane() {
    try {
      return lanes.tryAcquire(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void writeUntilStopped() {
    List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        batch.add(queue.take());
        lanes.acquire();
      } catch (InterruptedException e) {
        batch.forEach(
            unit ->
                unit.result()
                    .completeExceptionally(new IllegalStateException("the store is closing")));
        return;
      }
      try {
        queue.drainTo(batch, MAX_BATCH - 1);
        timedCommit(batch);
      } finally {
        lanes.release();
      }
      batch.clear();
      store.betweenBatches(queue.isEmpty());
    }
  }

  private void timedCommit(List<Unit<?>> batch) {
    long started = System.nanoTime();
    commit(batch);
    busyNanos.add(System.nanoTime() - started);
  }

  private void commit(List<Unit<?>> batch) {
    List<Object> results;
    try {
      results =
          store.inTransaction(
              tx -> {
                List<Object> out = new ArrayList<>(batch.size());
                for (Unit<?> unit : batch) {
                  out.add(unit.work().apply(tx));
                }
                return out;
              });
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.getFirst().result().completeExceptionally(e);
      } else {
        log.debug(
            "a batch of {} failed; committing its units one by one: {}",
            batch.size(),
            e.toString());
        batch.forEach(this::commitAlone);
      }
      return;
    }
    commits.increment();
    committedUnits.add(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      complete(batch.get(i), results.get(i));
    }
  }

  private <T> void commitAlone(Unit<T> unit) {
    try {
      unit.result().complete(store.inTransaction(unit.work()));
    } catch (RuntimeException e) {
      unit.result().completeExceptionally(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(Unit<T> unit, Object result) {
    unit.result().complete((T) result);
  }

  /** Shared transactions committed so far (not counting units retried alone). */
  public long commits() {
    return commits.sum();
  }

  /** Units committed in those shared transactions. */
  public long committedUnits() {
    return committedUnits.sum();
  }

  /** Time the writers spent running and committing batches, in nanoseconds. */
  public long busyNanos() {
    return busyNanos.sum();
  }

  @Override
  public void close() {
    running = false;
    writers.forEach(Thread::interrupt);
    Unit<?> left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(new IllegalStateException("the store is closing"));
    }
  }
}
