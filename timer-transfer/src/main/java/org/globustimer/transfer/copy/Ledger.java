package org.globustimer.transfer.copy;

import java.time.Instant;
import java.util.List;

/** Remembers the files a task has finished, so a resumed task does not copy them again. */
public interface Ledger {

  /** A finished file: the source's size and mtime when it was copied. */
  record Done(long size, long mtimeMillis) {
    boolean sameAs(long size, Instant mtime) {
      return this.size == size && this.mtimeMillis == mtime.toEpochMilli();
    }
  }

  /** A file to record: its destination and the source's size and mtime. */
  record File(String destinationRel, long size, Instant mtime) {}

  Done find(String destinationRel);

  void done(String destinationRel, long size, Instant mtime);

  /**
   * Records files about to be renamed into place, durably before the renames where the ledger can
   * (else as {@link #done} does): a resumed task then finds each either in place or still beside it
   * under its temporary name, and finishes the rename rather than copying it again.
   */
  default void placing(List<File> files) {
    files.forEach(f -> done(f.destinationRel(), f.size(), f.mtime()));
  }

  /** Files recorded by {@link #placing} that were not renamed after all. */
  default void notPlaced(List<File> files) {}

  Ledger NONE =
      new Ledger() {
        @Override
        public Done find(String destinationRel) {
          return null;
        }

        @Override
        public void done(String destinationRel, long size, Instant mtime) {}
      };
}
