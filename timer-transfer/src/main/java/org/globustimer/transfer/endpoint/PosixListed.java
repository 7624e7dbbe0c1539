package org.globustimer.transfer.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Local entries: a listed child's, with its identity from the same stat, so that a kept digest of
 * it is checked without looking at the file again; and a path's as one stat reads it.
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

  /**
   * One stat of a path, null when nothing is there (no exception thrown for the common "not there
   * yet"); {@code follow} follows a final link.
   */
  static Entry stat(Path p, boolean follow) throws IOException {
    LinkOption[] options =
        follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    PosixFileAttributes a;
    try {
      a =
          p.getFileSystem()
              .provider()
              .readAttributesIfExists(p, PosixFileAttributes.class, options);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (a == null) {
      return null;
    }
    Entry.Type type =
        a.isSymbolicLink()
            ? Entry.Type.LINK
            : a.isDirectory() ? Entry.Type.DIR : a.isOther() ? Entry.Type.SPECIAL : Entry.Type.FILE;
    String name = p.getFileName() == null ? "/" : p.getFileName().toString();
    return new Entry(name, type, a.size(), a.lastModifiedTime().toInstant(), permissions(a));
  }

  private static int permissions(PosixFileAttributes a) {
    int mode = 0;
    for (PosixFilePermission perm : a.permissions()) {
      mode |= 1 << (8 - perm.ordinal());
    }
    return mode;
  }
}
