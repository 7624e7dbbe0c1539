package org.globustimer.transfer.endpoint;

import java.time.Instant;

/** One directory entry or the metadata of one path. */
public record Entry(String name, Type type, long size, Instant modified, int permissions) {

  public enum Type {
    FILE,
    DIR,
    LINK
  }

  public boolean isDir() {
    return type == Type.DIR;
  }

  public boolean isLink() {
    return type == Type.LINK;
  }
}
