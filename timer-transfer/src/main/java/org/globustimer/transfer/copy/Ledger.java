package org.globustimer.transfer.copy;

import java.time.Instant;

/** Remembers the files a task has finished, so a resumed task does not copy them again. */
public interface Ledger {

  /** A finished file: the source's size and mtime when it was copied. */
  record Done(long size, long mtimeMillis) {
    boolean sameAs(long size, Instant mtime) {
      return this.size == size && this.mtimeMillis == mtime.toEpochMilli();
    }
  }

  Done find(String destinationRel);

  void done(String destinationRel, long size, Instant mtime);

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
