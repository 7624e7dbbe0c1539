package org.globustimer.transfer.db;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.copy.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests in {@code transfer_digests}, for one task: a directory's rows are read in one query the
 * first time a file of it is looked up, and new rows are written in batches.
 */
public final class StoredDigests implements Digests {

  private static final Logger LOG = LoggerFactory.getLogger(StoredDigests.class);
  private static final String ALGORITHM = "xxh64";
  private static final int BATCH = 2000;

  private record Kept(Stamp stamp, long digest) {}

  private final Db db;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final Map<String, Boolean> loaded = new ConcurrentHashMap<>();
  private final List<Object[]> pending = new ArrayList<>();

  public StoredDigests(Db db) {
    this.db = db;
  }

  @Override
  public Long find(String file, Stamp stamp) {
    String dir = dir(file);
    // other threads asking for the same directory wait for its rows rather than miss them
    loaded.computeIfAbsent(dir, this::load);
    Kept k = kept.get(file);
    return k != null && k.stamp().equals(stamp) ? k.digest() : null;
  }

  private Boolean load(String dir) {
    try {
      db.list(
              "select path, size, mtime_ns, ctime_ns, inode, digest from transfer_digests"
                  + " where dir = ? and algorithm = ?",
              rs ->
                  Map.entry(
                      rs.getString(1),
                      new Kept(
                          new Stamp(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                          rs.getLong(6))),
              dir,
              ALGORITHM)
          .forEach(e -> kept.putIfAbsent(e.getKey(), e.getValue()));
    } catch (TransferException e) {
      // only a shortcut: without the rows the files are read again
      LOG.warn("cannot read kept digests of {}: {}", dir, e.getMessage());
    }
    return Boolean.TRUE;
  }

  @Override
  public void put(String file, Stamp stamp, long xxh64) {
    kept.put(file, new Kept(stamp, xxh64));
    boolean full;
    synchronized (pending) {
      pending.add(
          new Object[] {
            file,
            ALGORITHM,
            dir(file),
            stamp.size(),
            stamp.mtimeNanos(),
            stamp.ctimeNanos(),
            stamp.inode(),
            xxh64
          });
      full = pending.size() >= BATCH;
    }
    if (full) {
      flush();
    }
  }

  @Override
  public void flush() {
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      try {
        db.batch(
            "insert into transfer_digests"
                + " (path, algorithm, dir, size, mtime_ns, ctime_ns, inode, digest)"
                + " values (?,?,?,?,?,?,?,?) on conflict (path, algorithm) do update set"
                + " size = excluded.size, mtime_ns = excluded.mtime_ns,"
                + " ctime_ns = excluded.ctime_ns, inode = excluded.inode, digest = excluded.digest",
            pending);
      } catch (TransferException e) {
        LOG.warn("cannot keep {} digests: {}", pending.size(), e.getMessage());
      }
      pending.clear();
    }
  }

  private static String dir(String file) {
    Path parent = Path.of(file).getParent();
    return parent == null ? "" : parent.toString();
  }
}
