package org.globustimer.transfer.db;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.copy.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests in {@code transfer_digests}, for one task: a directory's rows are read in one query the
 * first time a file of it is looked up; new rows are written in batches, off the copying threads.
 * When the task ends, rows of the directories it read are dropped for files that are gone, and (at
 * most hourly) rows of directories that are gone, so the table follows the files rather than grow
 * for ever.
 */
public final class StoredDigests implements Digests {

  private static final Logger LOG = LoggerFactory.getLogger(StoredDigests.class);
  private static final String ALGORITHM = "xxh64";
  private static final int BATCH = 2000;
  private static final long SWEEP_EVERY_NANOS = 3_600_000_000_000L;
  private static final AtomicLong lastSweep = new AtomicLong(System.nanoTime() - SWEEP_EVERY_NANOS);
  private static final String UPSERT =
      "insert into transfer_digests"
          + " (dir, path, algorithm, size, mtime_ns, ctime_ns, inode, digest)"
          + " values (?,?,?,?,?,?,?,?) on conflict (dir, path, algorithm) do update set"
          + " size = excluded.size, mtime_ns = excluded.mtime_ns,"
          + " ctime_ns = excluded.ctime_ns, inode = excluded.inode, digest = excluded.digest";

  // a tree with more rows than this is read a directory at a time, to bound the memory it takes
  private static final int PRELOAD_MAX = 200_000;
  private static final String COLUMNS = "path, size, mtime_ns, ctime_ns, inode, digest";

  /** A row as read or put; {@code looked} once its file was asked for, so the file is there. */
  private static final class Kept {
    final Stamp stamp;
    final long digest;
    volatile boolean looked;

    Kept(Stamp stamp, long digest, boolean looked) {
      this.stamp = stamp;
      this.digest = digest;
      this.looked = looked;
    }
  }

  private final Db db;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final Map<String, Boolean> loaded = new ConcurrentHashMap<>();
  private final Set<String> preloaded = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private List<Object[]> pending = new ArrayList<>();
  private final List<Thread> writers = new ArrayList<>();

  public StoredDigests(Db db) {
    this.db = db;
  }

  @Override
  public Long find(String file, Stamp stamp) {
    // other threads asking for the same directory wait for its rows rather than miss them
    String dir = dir(file);
    if (!preloaded(dir)) {
      loaded.computeIfAbsent(dir, this::load);
    }
    Kept k = kept.get(file);
    if (k == null) {
      return null;
    }
    k.looked = true;
    return k.stamp.equals(stamp) ? k.digest : null;
  }

  private boolean preloaded(String dir) {
    for (String root : preloaded) {
      if (dir.startsWith(root)
          && (dir.length() == root.length() || dir.charAt(root.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  /**
   * One range of the key for the whole tree (a query per directory costs a connection and a round
   * trip each, which for small files is most of a re-sync). The range also holds siblings whose
   * names extend the root's ({@code root-old}); they are left out here.
   */
  @Override
  public void preload(List<String> roots) {
    // each root's rows are read on a thread of its own: decoding them is most of the cost
    List<Thread> readers =
        roots.stream().map(root -> Thread.ofVirtual().start(() -> preload(root))).toList();
    for (Thread t : readers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void preload(String root) {
    try {
      List<Map.Entry<String, Kept>> rows =
          db.list(
              "select "
                  + COLUMNS
                  + " from transfer_digests"
                  + " where dir >= ? and dir < ? and algorithm = ? limit ?",
              StoredDigests::row,
              root,
              root + "0",
              ALGORITHM,
              PRELOAD_MAX + 1);
      if (rows.size() > PRELOAD_MAX) {
        return;
      }
      for (Map.Entry<String, Kept> e : rows) {
        if (e.getKey().startsWith(root + "/")) {
          keep(e);
        }
      }
      preloaded.add(root);
    } catch (TransferException e) {
      LOG.warn("cannot read kept digests below {}: {}", root, e.getMessage());
    }
  }

  private Boolean load(String dir) {
    try {
      db.list(
              "select " + COLUMNS + " from transfer_digests where dir = ? and algorithm = ?",
              StoredDigests::row,
              dir,
              ALGORITHM)
          .forEach(this::keep);
    } catch (TransferException e) {
      // only a shortcut: without the rows the files are read again
      LOG.warn("cannot read kept digests of {}: {}", dir, e.getMessage());
    }
    return Boolean.TRUE;
  }

  private static Map.Entry<String, Kept> row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return Map.entry(
        rs.getString(1),
        new Kept(
            new Stamp(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
            rs.getLong(6),
            false));
  }

  private void keep(Map.Entry<String, Kept> e) {
    kept.putIfAbsent(e.getKey(), e.getValue());
  }

  @Override
  public void put(String file, Stamp stamp, long xxh64) {
    kept.put(file, new Kept(stamp, xxh64, true));
    Object[] row = {
      dir(file),
      file,
      ALGORITHM,
      stamp.size(),
      stamp.mtimeNanos(),
      stamp.ctimeNanos(),
      stamp.inode(),
      xxh64
    };
    synchronized (lock) {
      pending.add(row);
      if (pending.size() < BATCH) {
        return;
      }
      List<Object[]> full = take();
      // the copying threads keep hashing while a batch is written
      writers.add(Thread.ofVirtual().start(() -> write(full)));
    }
  }

  /** Writes what is pending, waits for the batches being written, and forgets files gone. */
  @Override
  public void flush() {
    List<Object[]> rest;
    List<Thread> running;
    synchronized (lock) {
      rest = take();
      running = new ArrayList<>(writers);
      writers.clear();
    }
    write(rest);
    try {
      for (Thread t : running) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    prune();
  }

  private List<Object[]> take() {
    List<Object[]> taken = pending;
    pending = new ArrayList<>();
    return taken;
  }

  private void write(List<Object[]> rows) {
    try {
      db.cacheBatch(UPSERT, rows);
    } catch (TransferException e) {
      LOG.warn("cannot keep {} digests: {}", rows.size(), e.getMessage());
    }
  }

  /** Only rows this task read and did not look up can be of files gone; each is checked. */
  private void prune() {
    List<Object[]> gone = new ArrayList<>();
    kept.forEach(
        (file, k) -> {
          if (!k.looked && !Files.exists(Path.of(file), LinkOption.NOFOLLOW_LINKS)) {
            gone.add(new Object[] {dir(file), file});
          }
          // checked once: a later flush of this task looks only at rows read since
          k.looked = true;
        });
    try {
      db.cacheBatch("delete from transfer_digests where dir = ? and path = ?", gone);
      long last = lastSweep.get();
      if (System.nanoTime() - last >= SWEEP_EVERY_NANOS
          && lastSweep.compareAndSet(last, System.nanoTime())) {
        sweepDirectories();
      }
    } catch (TransferException e) {
      LOG.warn("cannot drop digests of files that are gone: {}", e.getMessage());
    }
  }

  private void sweepDirectories() {
    List<Object[]> gone =
        db.list("select distinct dir from transfer_digests", rs -> rs.getString(1)).stream()
            .filter(dir -> !Files.isDirectory(Path.of(dir), LinkOption.NOFOLLOW_LINKS))
            .map(dir -> new Object[] {dir})
            .toList();
    db.cacheBatch("delete from transfer_digests where dir = ?", gone);
  }

  /** As {@code Path.of(file).getParent()} for the normalized paths kept here, without parsing. */
  private static String dir(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : slash == 0 ? "/" : file.substring(0, slash);
  }
}
