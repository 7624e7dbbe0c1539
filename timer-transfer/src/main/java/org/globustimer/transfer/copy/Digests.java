package org.globustimer.transfer.copy;

/**
 * Content hashes of local files computed earlier, each kept with the file's identity at the time
 * (size, mtime, ctime, inode), so that an unchanged file is not read again to compare it.
 */
public interface Digests {

  /** What a file looked like when it was hashed; any write or {@code utime} changes its ctime. */
  record Stamp(long size, long mtimeNanos, long ctimeNanos, long inode) {}

  /** The XXH64 of {@code file} when it still has {@code stamp}, else null. */
  Long find(String file, Stamp stamp);

  void put(String file, Stamp stamp, long xxh64);

  /**
   * Reads at once what is kept of the files below each of {@code roots} (directories), so that
   * looking them up costs no query each; a hint, which may read nothing.
   */
  default void preload(java.util.List<String> roots) {}

  /** Stores what was put since the last flush. */
  void flush();

  Digests NONE =
      new Digests() {
        @Override
        public Long find(String file, Stamp stamp) {
          return null;
        }

        @Override
        public void put(String file, Stamp stamp, long xxh64) {}

        @Override
        public void flush() {}
      };
}
