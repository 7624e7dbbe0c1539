package org.globustimer.transfer.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.ObjectTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ObjectTimes} in {@code transfer_object_mtimes}; failures only cost the shortcut. */
public final class StoredObjectTimes implements ObjectTimes {

  private static final Logger LOG = LoggerFactory.getLogger(StoredObjectTimes.class);

  private final Db db;

  public StoredObjectTimes(Db db) {
    this.db = db;
  }

  @Override
  public Map<String, Known> load(String location, String dir) {
    Map<String, Known> out = new HashMap<>();
    try {
      db.list(
              "select name, etag, mtime_ns from transfer_object_mtimes"
                  + " where location = ? and dir = ?",
              rs -> Map.entry(rs.getString(1), new Known(rs.getString(2), nanos(rs.getLong(3)))),
              location,
              dir)
          .forEach(e -> out.put(e.getKey(), e.getValue()));
    } catch (TransferException e) {
      LOG.warn("cannot read kept object mtimes of {}: {}", dir, e.getMessage());
    }
    return out;
  }

  @Override
  public void save(String location, List<Change> changes) {
    List<Object[]> kept = new ArrayList<>();
    List<Object[]> gone = new ArrayList<>();
    try {
      for (Change c : changes) {
        if (c.known() == null) {
          gone.add(new Object[] {location, c.dir(), c.name()});
        } else {
          Instant t = c.known().mtime();
          long ns =
              Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
          kept.add(new Object[] {location, c.dir(), c.name(), c.known().etag(), ns});
        }
      }
      db.cacheBatch(
          "insert into transfer_object_mtimes (location, dir, name, etag, mtime_ns)"
              + " values (?,?,?,?,?) on conflict (location, dir, name) do update set"
              + " etag = excluded.etag, mtime_ns = excluded.mtime_ns",
          kept);
      db.cacheBatch(
          "delete from transfer_object_mtimes where location = ? and dir = ? and name = ?", gone);
    } catch (TransferException | ArithmeticException e) {
      LOG.warn("cannot keep {} object mtimes: {}", changes.size(), e.getMessage());
    }
  }

  private static Instant nanos(long ns) {
    return Instant.ofEpochSecond(
        Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
  }
}
