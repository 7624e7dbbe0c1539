package org.globustimer.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs many small units of work in shared transactions: callers on any thread hand in a unit and
 * wait; a writer takes every unit waiting at that moment and commits them together. Under load this
 * turns thousands of tiny commits a second into a few hundred larger ones; when idle a unit is
 * committed at once. A failing batch is retried one unit at a time, so one bad unit fails alone.
 */
public final class GroupCommit implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final int MAX_BATCH = 512;

  private record Unit<T>(Function<Tx, T> work, CompletableFuture<T> result) {}

  /** Where a writer's transactions run. */
  interface Transactions {
    <T> T inTransaction(Function<Tx, T> work);
  }

  private final TimerStore store;
  private final Transactions transactions;
  private final LinkedBlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;
  private final LongAdder commits = new LongAdder();
  private final LongAdder committedUnits = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();

  public GroupCommit(TimerStore store, int writerCount) {
    this(store, store::inTransaction, writerCount, "timer-writer-");
  }

  /** Writers named {@code name} and a number, committing through {@code transactions}. */
  GroupCommit(TimerStore store, Transactions transactions, int writerCount, String name) {
    this.store = store;
    this.transactions = transactions;
    for (int i = 0; i < writerCount; i++) {
      writers.add(Thread.ofPlatform().name(name + i).daemon().start(this::writeUntilStopped));
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
    queue.add(unit);
    try {
      return unit.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private void writeUntilStopped() {
    List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      long started = System.nanoTime();
      commit(batch);
      busyNanos.add(System.nanoTime() - started);
      batch.clear();
      store.betweenBatches(queue.isEmpty());
    }
  }

  private void commit(List<Unit<?>> batch) {
    List<Object> results;
    try {
      results =
          transaction(
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
      unit.result().complete(transaction(unit.work()));
    } catch (RuntimeException e) {
      unit.result().completeExceptionally(e);
    }
  }

  private <T> T transaction(Function<Tx, T> work) {
    return transactions.inTransaction(work);
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
