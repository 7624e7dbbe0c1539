package org.globustimer.transfer.copy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Storage;
import org.globustimer.transfer.endpoint.UserPaths;

/**
 * Acknowledges copied files. A whole temporary file waits here until the batch is full; then the
 * files are made durable (one flush of the file system, where the destination has one; else each
 * was flushed by its writer), recorded in the ledger and renamed into place, the names are made
 * durable (the file system again, or each directory the renames touched), and only then are the
 * files counted as transferred. See docs/decisions/transfer-durable-batches.md.
 */
final class DurableBatch {

  /** A whole temporary file, to be renamed over {@code dstRel}. */
  record Written(String tmp, String dstRel, long size, Instant mtime) {
    Ledger.File file() {
      return new Ledger.File(dstRel, size, mtime);
    }
  }

  static final int MAX_FILES = 512;
  static final long MAX_BYTES = 256L << 20;
  private static final long MAX_NANOS = 500_000_000L;

  private final Storage dst;
  private final Ledger ledger;
  private final Progress progress;
  private final boolean syncsFileSystem;
  private List<Written> pending = new ArrayList<>();
  private Set<String> createdIn = new LinkedHashSet<>();
  private long bytes;
  private long since;

  DurableBatch(Storage dst, Ledger ledger, Progress progress) {
    this.dst = dst;
    this.ledger = ledger;
    this.progress = progress;
    this.syncsFileSystem = dst.syncsFileSystem();
  }

  /**
   * Whether the batch makes its written files durable itself, with one flush of the file system
   * before the renames, so that a file written for it needs no flush of its own.
   */
  boolean flushesWrittenFiles() {
    return syncsFileSystem;
  }

  Ledger ledger() {
    return ledger;
  }

  /** A file already in place and durable (written where no batch applies). */
  void placed(String dstRel, long size, Instant mtime) {
    progress.filesTransferred.incrementAndGet();
    ledger.done(dstRel, size, mtime);
  }

  /**
   * A directory was created in {@code parentRel}: flushed with the next batch, before its files.
   */
  synchronized void createdDirectoryIn(String parentRel) {
    createdIn.add(parentRel);
  }

  /** Adds a written file, committing the batch when it is full. */
  void add(Written w) {
    List<Written> full = null;
    synchronized (this) {
      if (pending.isEmpty()) {
        since = System.nanoTime();
      }
      pending.add(w);
      bytes += w.size();
      if (pending.size() >= MAX_FILES
          || bytes >= MAX_BYTES
          || System.nanoTime() - since >= MAX_NANOS) {
        full = take();
      }
    }
    if (full != null) {
      commit(full);
    }
  }

  /**
   * Commits the batch when its first file has waited long enough, so that files are acknowledged
   * while a long copy runs; called between chunks and between files.
   */
  void commitIfDue() {
    List<Written> due = null;
    synchronized (this) {
      if (!pending.isEmpty() && System.nanoTime() - since >= MAX_NANOS) {
        due = take();
      }
    }
    if (due != null) {
      commit(due);
    }
  }

  /** Commits what is pending; done when a task's copies have ended, however they ended. */
  void flush() {
    List<Written> rest;
    synchronized (this) {
      rest = take();
    }
    commit(rest);
  }

  private List<Written> take() {
    List<Written> taken = pending;
    pending = new ArrayList<>();
    bytes = 0;
    return taken;
  }

  private synchronized Set<String> takeCreated() {
    Set<String> taken = createdIn;
    createdIn = new LinkedHashSet<>();
    return taken;
  }

  private void commit(List<Written> files) {
    if (files.isEmpty()) {
      return;
    }
    if (syncsFileSystem && !dst.syncFileSystem(files.get(0).tmp())) {
      try {
        files.forEach(w -> dst.syncFile(w.tmp()));
      } catch (TransferException e) {
        files.forEach(w -> deleteQuietly(w.tmp()));
        throw e;
      }
    }
    // in the ledger before the renames: a task resumed after a kill finishes a rename it finds
    // undone (the temporary file is whole) and never copies a renamed file again
    ledger.placing(files.stream().map(Written::file).toList());
    // new directories are entered in their parents first, so the files below them are reachable
    Set<String> dirs = takeCreated();
    int renamed = 0;
    try {
      for (Written w : files) {
        dst.rename(w.tmp(), w.dstRel());
        dirs.add(UserPaths.parent(w.dstRel()));
        renamed++;
      }
    } catch (TransferException e) {
      for (Written w : files.subList(renamed + 1, files.size())) {
        deleteQuietly(w.tmp());
      }
      deleteQuietly(files.get(renamed).tmp());
      ledger.notPlaced(files.subList(renamed, files.size()).stream().map(Written::file).toList());
      syncAndCount(files.subList(0, renamed), dirs);
      throw e;
    }
    syncAndCount(files, dirs);
  }

  private void syncAndCount(List<Written> files, Set<String> dirs) {
    if (dirs.isEmpty() || (syncsFileSystem && dst.syncFileSystem(dirs.iterator().next()))) {
      progress.filesTransferred.addAndGet(files.size());
      return;
    }
    for (String dir : dirs) {
      dst.syncDirectory(dir);
    }
    progress.filesTransferred.addAndGet(files.size());
  }

  private void deleteQuietly(String tmp) {
    try {
      dst.delete(tmp);
    } catch (RuntimeException ignored) {
      // the rename's failure is the one to report
    }
  }
}
