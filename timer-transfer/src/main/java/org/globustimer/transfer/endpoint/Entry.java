package org.globustimer.transfer.endpoint;

import java.time.Instant;

/**
 * One directory entry or the metadata of one path; {@code identity}, where a local listing read it,
 * is null otherwise.
 */
public record Entry(
    String name, Type type, long size, Instant modified, int permissions, Identity identity) {

  public Entry(String name, Type type, long size, Instant modified, int permissions) {
    this(name, type, size, modified, permissions, null);
  }

  public enum Type {
    FILE,
    DIR,
    LINK,
    /** A pipe, socket or device: never copied, as reading a pipe would wait for a writer. */
    SPECIAL
  }

  /**
   * What, besides the size, tells a local file unchanged since it was last looked at: any write or
   * {@code utime} changes its ctime, and a replaced file has another inode.
   */
  public record Identity(long mtimeNanos, long ctimeNanos, long inode) {}

  public boolean isDir() {
    return type == Type.DIR;
  }

  public boolean isLink() {
    return type == Type.LINK;
  }

  public boolean isSpecial() {
    return type == Type.SPECIAL;
  }
}
