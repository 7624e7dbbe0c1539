package org.globustimer.transfer.endpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Directory listings taken ahead of a walk: the walk names the directories it will list next, in
 * its order, and up to {@code inFlight} of them are listed at once while it works on earlier ones,
 * with at most {@code held} waiting to be asked for. A listing is used once, and not at all for a
 * directory that is {@code stale} (this task may have written into it since it was asked for). See
 * docs/decisions/s3-listings.md.
 */
final class ListingsAhead<T> {

  private final Function<String, T> lister;
  private final Predicate<String> stale;
  private final int inFlight;
  // listings taken but not asked for yet: bounds what is held when the walk is slower than they
  private final int held;
  private final String threadName;
  private final Deque<String> wanted = new ArrayDeque<>();
  private final Map<String, CompletableFuture<T>> taken = new HashMap<>();
  private int running;
  private ExecutorService pool;
  private boolean closed;

  ListingsAhead(
      Function<String, T> lister,
      Predicate<String> stale,
      int inFlight,
      int held,
      String threadName) {
    this.lister = lister;
    this.stale = stale;
    this.inFlight = inFlight;
    this.held = held;
    this.threadName = threadName;
  }

  /** The directories the walk lists next, before any it named earlier and has not listed yet. */
  synchronized void ahead(List<String> rels) {
    for (int i = rels.size() - 1; i >= 0; i--) {
      wanted.addFirst(rels.get(i));
    }
    start();
  }

  /** A listing the walk took itself and will ask for again next. */
  synchronized void keep(String rel, T listing) {
    taken.put(rel, CompletableFuture.completedFuture(listing));
  }

  /**
   * The listing of {@code rel} if one was taken ahead and is still good, else null (the caller
   * lists it itself; a listing that failed ahead is tried again that way, and fails for the walk).
   */
  T take(String rel) {
    CompletableFuture<T> f;
    synchronized (this) {
      f = taken.remove(rel);
      if (f == null) {
        wanted.removeFirstOccurrence(rel); // near the front: the walk asks in the order it named
      }
      start();
    }
    if (f == null) {
      return null;
    }
    T listing;
    try {
      listing = f.join();
    } catch (CompletionException e) {
      return null;
    }
    return stale.test(rel) ? null : listing;
  }

  private void start() {
    while (!closed && running < inFlight && taken.size() < held && !wanted.isEmpty()) {
      String rel = wanted.pollFirst();
      if (taken.containsKey(rel) || stale.test(rel)) {
        continue;
      }
      if (pool == null) {
        pool =
            Executors.newFixedThreadPool(
                inFlight, Thread.ofPlatform().name(threadName, 0).daemon().factory());
      }
      CompletableFuture<T> f = new CompletableFuture<>();
      taken.put(rel, f);
      running++;
      pool.execute(
          () -> {
            try {
              f.complete(lister.apply(rel));
            } catch (RuntimeException e) {
              f.completeExceptionally(e);
            } finally {
              finished();
            }
          });
    }
  }

  private synchronized void finished() {
    running--;
    start();
  }

  synchronized void close() {
    closed = true;
    wanted.clear();
    taken.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
