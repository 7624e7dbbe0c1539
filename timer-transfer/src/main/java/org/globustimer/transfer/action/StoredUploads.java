package org.globustimer.transfer.action;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.transfer.copy.Uploads;
import org.globustimer.transfer.db.Db;

/**
 * An action's unfinished multipart uploads, one row each, written at once (not batched like the
 * ledger): a part sent before its upload is on record could not be found again after a crash.
 */
final class StoredUploads implements Uploads {

  private final Db db;
  private final String actionId;
  private final Map<String, Started> open = new ConcurrentHashMap<>();

  StoredUploads(Db db, String actionId) {
    this.db = db;
    this.actionId = actionId;
    db.list(
            "select path, upload_id, size, mtime_ms, part_size from transfer_uploads"
                + " where action_id = ?",
            rs ->
                Map.entry(
                    rs.getString(1),
                    new Started(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))),
            actionId)
        .forEach(e -> open.put(e.getKey(), e.getValue()));
  }

  @Override
  public Started find(String destinationRel) {
    return open.get(destinationRel);
  }

  @Override
  public void started(String destinationRel, Started upload) {
    db.update(
        "delete from transfer_uploads where action_id = ? and path = ?", actionId, destinationRel);
    db.update(
        "insert into transfer_uploads (action_id, path, upload_id, size, mtime_ms, part_size)"
            + " values (?,?,?,?,?,?)",
        actionId,
        destinationRel,
        upload.uploadId(),
        upload.size(),
        upload.mtimeMillis(),
        upload.partSize());
    open.put(destinationRel, upload);
  }

  @Override
  public void ended(String destinationRel) {
    if (open.remove(destinationRel) != null) {
      db.update(
          "delete from transfer_uploads where action_id = ? and path = ?",
          actionId,
          destinationRel);
    }
  }

  @Override
  public Map<String, Started> all() {
    return Map.copyOf(open);
  }
}
