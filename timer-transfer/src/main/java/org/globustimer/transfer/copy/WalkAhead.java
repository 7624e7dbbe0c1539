package org.globustimer.transfer.copy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.Storage;
import org.globustimer.transfer.endpoint.UserPaths;

/**
 * What the walk of a tree sees of one destination directory at once, and which directories it will
 * list next, so that each side can take its listings ahead of the walk (on other threads, or as
 * round trips in flight).
 */
final class WalkAhead {

  private WalkAhead() {}

  /**
   * The entries of the destination directory by name: none when {@code d}, the directory, is
   * absent.
   */
  static Map<String, Entry> present(Storage dst, String dstDir, Entry d) {
    Map<String, Entry> present = new HashMap<>();
    if (d != null) {
      for (Entry existing : dst.list(dstDir)) {
        present.put(existing.name(), existing);
      }
    }
    return present;
  }

  /**
   * Names to each side the subdirectories the walk will enter, in its order: the source's that the
   * filters keep, and those of them the destination has ({@code present}, when it was listed).
   */
  static void tell(
      TransferSpec spec,
      Storage src,
      String srcDir,
      List<Entry> children,
      Storage dst,
      String dstDir,
      Map<String, Entry> present) {
    List<String> srcDirs = new ArrayList<>();
    List<String> dstDirs = new ArrayList<>();
    for (Entry e : children) {
      if (!e.isDir() || !spec.includes(e.name(), true)) {
        continue;
      }
      srcDirs.add(UserPaths.join(srcDir, e.name()));
      Entry there = present == null ? null : present.get(e.name());
      if (there != null && there.isDir()) {
        dstDirs.add(UserPaths.join(dstDir, e.name()));
      }
    }
    if (!srcDirs.isEmpty()) {
      src.willList(srcDirs);
    }
    if (!dstDirs.isEmpty()) {
      dst.willList(dstDirs);
    }
  }
}
