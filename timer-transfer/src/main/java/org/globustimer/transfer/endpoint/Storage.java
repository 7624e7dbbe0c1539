package org.globustimer.transfer.endpoint;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files of one endpoint. Paths are "relative paths": segments joined by '/', relative to the
 * storage's base, already checked by {@link UserPaths} to hold no '..'; "" is the base itself.
 * Failures surface as {@link org.globustimer.transfer.TransferException} with codes such as
 * FILE_NOT_FOUND, PERMISSION_DENIED, QUOTA_EXCEEDED.
 */
public interface Storage extends AutoCloseable {

  /** The relative path that {@code /~/} stands for. */
  String homeRel();

  /** Refuses a path outside the endpoint's roots, also through symbolic links on its way. */
  void ensureInside(String rel);

  /** Metadata, or null when nothing is there; {@code follow} follows a final symbolic link. */
  Entry stat(String rel, boolean follow);

  /**
   * {@link #stat} (following links) of the root of a recursive copy, which is expected to be a
   * directory: a backend where telling the two apart costs requests may look for one first.
   */
  default Entry statTree(String rel) {
    return stat(rel, true);
  }

  /** The entries of a directory (symbolic links not followed), sorted by name. */
  List<Entry> list(String rel);

  /**
   * The directories a walk will list next, in the order it will list them; a backend whose listing
   * is a round trip may take some of them ahead.
   */
  default void willList(List<String> rels) {}

  InputStream openRead(String rel);

  /** Creates or truncates; closing the stream makes the bytes durable where the backend can. */
  OutputStream openWrite(String rel);

  /** Atomically replaces {@code to} with {@code from}. */
  void rename(String from, String to);

  void setModified(String rel, Instant time);

  /** Makes the entries of a directory (names created or renamed in it) durable, where it can. */
  default void syncDirectory(String rel) {}

  /**
   * Whether {@link #syncFileSystem} can make every file written under this storage durable at once,
   * so that files written for a batch need no flush of their own.
   */
  default boolean syncsFileSystem() {
    return false;
  }

  /**
   * Makes everything written on the file system that holds {@code rel} durable (data, names and
   * directories), waiting until it is: true once it is, false where that flush did not work, so
   * that each file and directory must be flushed on its own ({@link #syncFile}, {@link
   * #syncDirectory}).
   */
  default boolean syncFileSystem(String rel) {
    return false;
  }

  /** Makes one written file's content durable, where the backend can. */
  default void syncFile(String rel) {}

  void mkdirs(String rel);

  /** Removes a file, link, or a whole directory tree (links inside are not followed). */
  void delete(String rel);

  void symlink(String rel, String target);

  String readLink(String rel);

  /** The canonical location of an existing path, for loop detection. */
  String realPath(String rel);

  /** The local file behind a path, when the backend is the local file system. */
  default Optional<Path> localPath(String rel) {
    return Optional.empty();
  }

  /** Whole-object writes, when the backend is an object store (which has no rename). */
  default Optional<ObjectStore> objects() {
    return Optional.empty();
  }

  /**
   * Whether {@link #stat} is a round trip to a server that costs more than a local call, so that
   * files are better settled in parallel than on the thread that walks the tree.
   */
  default boolean remoteMetadata() {
    return false;
  }

  /**
   * Whether a listing's entries carry the same modification times as {@link #stat} gives (with
   * {@code follow} false), so that sync level 2 can compare a listed destination without a look of
   * its own.
   */
  default boolean listedTimesExact() {
    return false;
  }

  /**
   * The entry with its exact modification time: listings of some backends carry only the upload
   * time, and the kept mtime needs a second look.
   */
  default Entry exact(String rel, Entry listed) {
    return listed;
  }

  /** A SHA-256 of the content that the backend keeps and that can be trusted, if any. */
  default Optional<byte[]> storedSha256(String rel) {
    return Optional.empty();
  }

  @Override
  void close();
}
