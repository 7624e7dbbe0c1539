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

/**
 * Directory listings taken ahead of a walk: the walk names the directories it will list next, in
 * its order, and up to {@link #IN_FLIGHT} of them are listed at once while it works on earlier
 * ones. A listing is used once, and not at all for a directory this task may have written into
 * since it was asked for ({@link S3Writes}). See docs/decisions/s3-listings.md.
 */
final class S3Lookahead {

  static final int IN_FLIGHT = 8;
  // listings taken but not asked for yet: bounds what is held when the walk is slower than they
  private static final int HELD = 64;

  private final S3Listing listing;
  private final S3Writes writes;
  private final Deque<String> wanted = new ArrayDeque<>();
  private final Map<String, CompletableFuture<S3Listing.Page>> taken = new HashMap<>();
  private int inFlight;
  private ExecutorService pool;
  private boolean closed;

  S3Lookahead(S3Listing listing, S3Writes writes) {
    this.listing = listing;
    this.writes = writes;
  }

  /** The directories the walk lists next, before any it named earlier and has not listed yet. */
  synchronized void ahead(List<String> rels) {
    for (int i = rels.size() - 1; i >= 0; i--) {
      wanted.addFirst(rels.get(i));
    }
    start();
  }

  /** A listing the walk took itself and will ask for again next. */
  synchronized void keep(String rel, S3Listing.Page page) {
    taken.put(rel, CompletableFuture.completedFuture(page));
  }

  /**
   * The listing of {@code rel} if one was taken ahead and is still good, else null (the caller
   * lists it itself; a listing that failed ahead is tried again that way, and fails for the walk).
   */
  S3Listing.Page take(String rel) {
    CompletableFuture<S3Listing.Page> f;
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
    S3Listing.Page page;
    try {
      page = f.join();
    } catch (CompletionException e) {
      return null;
    }
    return writes.touched(page.dir()) ? null : page;
  }

  private void start() {
    while (!closed && inFlight < IN_FLIGHT && taken.size() < HELD && !wanted.isEmpty()) {
      String rel = wanted.pollFirst();
      if (taken.containsKey(rel) || writes.touched(listing.dirKey(rel))) {
        continue;
      }
      if (pool == null) {
        pool =
            Executors.newFixedThreadPool(
                IN_FLIGHT, Thread.ofPlatform().name("s3-list-ahead-", 0).daemon().factory());
      }
      CompletableFuture<S3Listing.Page> f = new CompletableFuture<>();
      taken.put(rel, f);
      inFlight++;
      pool.execute(
          () -> {
            try {
              f.complete(listing.list(rel));
            } catch (RuntimeException e) {
              f.completeExceptionally(e);
            } finally {
              finished();
            }
          });
    }
  }

  private synchronized void finished() {
    inFlight--;
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
