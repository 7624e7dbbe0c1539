package org.globustimer.transfer.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The mtimes kept in objects' metadata, remembered with each object's ETag when we wrote or read
 * them, so that an object whose listing still shows that ETag needs no request of its own to know
 * its mtime. Only a shortcut: what is not known here is asked of the server.
 */
public interface ObjectTimes {

  /** An object's ETag and the mtime its metadata held with it. */
  record Known(String etag, Instant mtime) {}

  /** A row to keep, or with {@code known} null, to forget. */
  record Change(String dir, String name, Known known) {}

  /** What is known of the objects in the directory {@code dir} (a key prefix) of a location. */
  Map<String, Known> load(String location, String dir);

  void save(String location, List<Change> changes);

  ObjectTimes NONE =
      new ObjectTimes() {
        @Override
        public Map<String, Known> load(String location, String dir) {
          return Map.of();
        }

        @Override
        public void save(String location, List<Change> changes) {}
      };
}
