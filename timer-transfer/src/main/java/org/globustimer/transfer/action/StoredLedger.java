package org.globustimer.transfer.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.transfer.copy.Ledger;
import org.globustimer.transfer.db.Db;

/**
 * An action's finished files, kept in memory and written to the database in batches (on {@link
 * #flush}, every half second while the action runs and when the module stops) rather than one row
 * per file. A file finished after the last flush is copied again by a resumed task, which is safe:
 * its copy is atomic.
 */
final class StoredLedger implements Ledger {

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
