package org.globustimer.transfer.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The entry of a listed local child, with its identity from the same stat, so that a kept digest of
 * it is checked without looking at the file again.
 */
final class PosixListed {

  // the type comes from the mode's file-type bits: each attribute named costs a map entry
  private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,mode";
  private static final int TYPE_BITS = 0170000;
  private static final int LINK = 0120000;
  private static final int DIR = 0040000;
  private static final int FILE = 0100000;

  private PosixListed() {}

  /** Null when the child was removed since its directory was read. */
  static Entry entry(Path p) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    int mode = (Integer) a.get("mode");
    Entry.Type type =
        switch (mode & TYPE_BITS) {
          case LINK -> Entry.Type.LINK;
          case DIR -> Entry.Type.DIR;
          case FILE -> Entry.Type.FILE;
          default -> Entry.Type.SPECIAL;
        };
    FileTime mtime = (FileTime) a.get("lastModifiedTime");
    Entry.Identity identity =
        new Entry.Identity(
            mtime.to(TimeUnit.NANOSECONDS),
            ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS),
            (Long) a.get("ino"));
    return new Entry(
        p.getFileName().toString(),
        type,
        (Long) a.get("size"),
        mtime.toInstant(),
        mode & 0777,
        identity);
  }
}
