package org.globustimer.transfer.endpoint;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where one task has written into an s3 endpoint, so that a listing taken ahead of the walk is not
 * used for a directory whose keys the task may have changed since.
 */
final class S3Writes {

  // directory keys (ending in '/', or "" for the bucket) with a key written at or below them
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  // directory keys of trees deleted whole
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  /** The object under {@code key} is about to be written or removed. */
  void writing(String key) {
    written.add("");
    for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
      written.add(key.substring(0, slash + 1));
    }
  }

  /** The object under {@code key} and every key starting with {@code below} are about to go. */
  void deleting(String key, String below) {
    writing(key);
    deleted.add(below);
  }

  /** Whether the listing of directory {@code dir} may have changed through this task's writes. */
  boolean touched(String dir) {
    if (written.contains(dir) || deleted.contains("")) {
      return true;
    }
    for (int slash = dir.indexOf('/'); slash >= 0; slash = dir.indexOf('/', slash + 1)) {
      if (deleted.contains(dir.substring(0, slash + 1))) {
        return true;
      }
    }
    return false;
  }
}
