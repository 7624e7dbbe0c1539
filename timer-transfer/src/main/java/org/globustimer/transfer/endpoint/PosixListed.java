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

  private static final String ATTRIBUTES =
      "unix:size,lastModifiedTime,ctime,ino,mode,isSymbolicLink,isDirectory,isOther";

  private PosixListed() {}

  /** Null when the child was removed since its directory was read. */
  static Entry entry(Path p) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    Entry.Type type =
        (Boolean) a.get("isSymbolicLink")
            ? Entry.Type.LINK
            : (Boolean) a.get("isDirectory")
                ? Entry.Type.DIR
                : (Boolean) a.get("isOther") ? Entry.Type.SPECIAL : Entry.Type.FILE;
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
        (Integer) a.get("mode") & 0777,
        identity);
  }
}
