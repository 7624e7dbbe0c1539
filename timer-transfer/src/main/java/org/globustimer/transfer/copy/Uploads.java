package org.globustimer.transfer.copy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The multipart uploads a task has started and not finished, by destination path, so that a resumed
 * task sends only the parts the server lacks and a finished one aborts what is left.
 */
public interface Uploads {

  /** An upload begun for a source of this size and mtime, cut into parts of {@code partSize}. */
  record Started(String uploadId, long size, long mtimeMillis, long partSize) {}

  Started find(String destinationRel);

  /** Records an upload; it is durable when this returns, before any part is sent. */
  void started(String destinationRel, Started upload);

  /** The upload was completed or aborted. */
  void ended(String destinationRel);

  /** Every upload not yet ended. */
  Map<String, Started> all();

  /** Kept in memory only: for tasks that are never resumed. */
  static Uploads inMemory() {
    Map<String, Started> open = new ConcurrentHashMap<>();
    return new Uploads() {
      @Override
      public Started find(String destinationRel) {
        return open.get(destinationRel);
      }

      @Override
      public void started(String destinationRel, Started upload) {
        open.put(destinationRel, upload);
      }

      @Override
      public void ended(String destinationRel) {
        open.remove(destinationRel);
      }

      @Override
      public Map<String, Started> all() {
        return Map.copyOf(open);
      }
    };
  }
}
