package org.globustimer.transfer.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.transfer.copy.Ledger;
import org.globustimer.transfer.db.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An action's finished files, written to the database in batches rather than one row per file:
 * those renamed into place in a batch are written before their renames ({@link #placing}); those
 * placed otherwise (an object store's upload) on {@link #flush}, every half second while the action
 * runs and when the module stops. Such a file finished after the last flush is copied again by a
 * resumed task, which is safe: its copy is atomic.
 */
final class StoredLedger implements Ledger {

  private static final Logger LOG = LoggerFactory.getLogger(StoredLedger.class);

  private final Db db;
  private final String actionId;
  private final Map<String, Done> done = new ConcurrentHashMap<>();
  private final List<Object[]> pending = new ArrayList<>();
  private boolean discarded;

  StoredLedger(Db db, String actionId) {
    this.db = db;
    this.actionId = actionId;
    db.list(
            "select path, size, mtime_ms from transfer_done_files where action_id = ?",
            rs -> Map.entry(rs.getString(1), new Done(rs.getLong(2), rs.getLong(3))),
            actionId)
        .forEach(e -> done.put(e.getKey(), e.getValue()));
  }

  @Override
  public Done find(String destinationRel) {
    return done.get(destinationRel);
  }

  @Override
  public void done(String destinationRel, long size, Instant mtime) {
    synchronized (pending) {
      pending.add(new Object[] {actionId, destinationRel, size, mtime.toEpochMilli()});
    }
  }

  /**
   * Writes the files and what else waits, now; if the database cannot take it, they wait for the
   * next flush (a resumed task may then copy them again, whole, as before this ledger knew them).
   */
  @Override
  public void placing(List<File> files) {
    synchronized (pending) {
      for (File f : files) {
        done(f.destinationRel(), f.size(), f.mtime());
      }
      try {
        flush();
      } catch (RuntimeException e) {
        LOG.debug("transfer {}: ledger written later: {}", actionId, e.toString());
      }
    }
  }

  @Override
  public void notPlaced(List<File> files) {
    synchronized (pending) {
      if (discarded) {
        return;
      }
      List<Object[]> rows = new ArrayList<>();
      for (File f : files) {
        rows.add(new Object[] {actionId, f.destinationRel()});
      }
      db.batch("delete from transfer_done_files where action_id = ? and path = ?", rows);
    }
  }

  /** Writes what finished since the last flush; nothing once the action is final. */
  void flush() {
    synchronized (pending) {
      if (discarded || pending.isEmpty()) {
        return;
      }
      db.batch(
          "insert into transfer_done_files (action_id, path, size, mtime_ms) values (?,?,?,?)",
          pending);
      pending.clear();
    }
  }

  /** The action is final: its ledger rows are dropped and nothing more is written. */
  void discard() {
    synchronized (pending) {
      discarded = true;
      pending.clear();
    }
  }
}
