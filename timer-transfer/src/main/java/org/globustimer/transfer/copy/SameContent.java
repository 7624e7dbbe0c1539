package org.globustimer.transfer.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.Storage;

/**
 * Sync level 3: whether a destination file holds its source's content. Both sides are hashed at
 * once, with XXH64 (change detection needs speed and a 64-bit hash, not collision resistance
 * against an attacker); a local file's hash is kept with its identity and reused while that is
 * unchanged. Where a backend keeps a trusted SHA-256 both sides are compared by SHA-256 instead.
 * See docs/decisions/transfer-checksums.md.
 */
final class SameContent {

  private static final XXHashFactory XXH = XXHashFactory.fastestInstance();
  private static final int MAX_BUFFER = 256 * 1024;
  private static final int MIN_BUFFER = 4 * 1024;
  private static final long CONCURRENT_FROM = 1 << 20;
  private static final ThreadLocal<ByteBuffer> BUFFERS =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(MAX_BUFFER));

  private final Storage src;
  private final Storage dst;
  private final Progress progress;
  private final Control control;
  private final Digests digests;
  private final Executor executor;

  SameContent(
      Storage src,
      Storage dst,
      Progress progress,
      Control control,
      Digests digests,
      Executor executor) {
    this.src = src;
    this.dst = dst;
    this.progress = progress;
    this.control = control;
    this.digests = digests;
    this.executor = executor;
  }

  /** {@code algorithm}, when the item names one, is compared with instead of our own choice. */
  boolean test(String srcRel, Entry s, String dstRel, Entry d, ChecksumAlgorithm algorithm) {
    long size = s.size();
    if (algorithm != null
        || src.storedSha256(srcRel).isPresent()
        || dst.storedSha256(dstRel).isPresent()) {
      return both(
          size,
          () -> Checksums.ofSource(src, srcRel, size, algorithm, progress, control),
          () -> Checksums.of(dst, dstRel, size, algorithm, progress, control),
          MessageDigest::isEqual);
    }
    return both(
        size,
        () -> onSource(() -> xxh64(src, srcRel, s)),
        () -> xxh64(dst, dstRel, d),
        Long::equals);
  }

  /**
   * Whether both sides' kept XXH64 digests, still valid, already answer {@link #test}: null when
   * either side would have to be read. Cheap enough for the walking thread: an entry a local
   * listing read already tells whether its file's kept digest is still valid.
   */
  Boolean known(String srcRel, Entry s, String dstRel, Entry d, ChecksumAlgorithm algorithm) {
    if (algorithm != null
        || src.storedSha256(srcRel).isPresent()
        || dst.storedSha256(dstRel).isPresent()) {
      return null;
    }
    Long sk = onSource(() -> kept(src, srcRel, s));
    Long dk = sk == null ? null : kept(dst, dstRel, d);
    return dk == null ? null : sk.equals(dk);
  }

  private Long kept(Storage storage, String rel, Entry entry) {
    Optional<Path> local = storage.localPath(rel);
    if (local.isEmpty()) {
      return null;
    }
    try {
      return digests.find(local.get().toString(), stamp(local.get(), entry));
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  /** Runs the source's part on another thread and the destination's here, for large files. */
  private <T> boolean both(
      long size,
      java.util.function.Supplier<T> source,
      java.util.function.Supplier<T> destination,
      java.util.function.BiPredicate<T, T> equal) {
    if (size < CONCURRENT_FROM) {
      // handing a small file's half to another thread costs more than hashing it
      return equal.test(source.get(), destination.get());
    }
    CompletableFuture<T> s = CompletableFuture.supplyAsync(source, executor);
    T d;
    try {
      d = destination.get();
    } catch (RuntimeException e) {
      s.cancel(false);
      s.exceptionally(x -> null).join();
      throw e;
    }
    try {
      return equal.test(s.join(), d);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static <T> T onSource(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (TransferException e) {
      throw e.onSource();
    }
  }

  private long xxh64(Storage storage, String rel, Entry entry) {
    long size = entry.size();
    Optional<Path> local = storage.localPath(rel);
    try {
      if (local.isEmpty()) {
        try (InputStream in = storage.openRead(rel)) {
          return hashStream(in, size);
        }
      }
      Path file = local.get();
      // taken before the file is read: a write while it is read changes its ctime after this
      Digests.Stamp stamp = stamp(file, entry);
      Long kept = digests.find(file.toString(), stamp);
      if (kept != null) {
        return kept;
      }
      long hash = hashFile(file, size);
      digests.put(file.toString(), stamp, hash);
      return hash;
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  /**
   * The file's identity as its listing read it, or as a stat reads it now where the listing had
   * none (a link's own identity is not its target's, which is what is hashed).
   */
  private static Digests.Stamp stamp(Path file, Entry entry) throws IOException {
    Entry.Identity id = entry.type() == Entry.Type.FILE ? entry.identity() : null;
    return id == null
        ? stamp(file)
        : new Digests.Stamp(entry.size(), id.mtimeNanos(), id.ctimeNanos(), id.inode());
  }

  private static Digests.Stamp stamp(Path file) throws IOException {
    Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
    return new Digests.Stamp(
        (Long) a.get("size"),
        nanos((FileTime) a.get("lastModifiedTime")),
        nanos((FileTime) a.get("ctime")),
        (Long) a.get("ino"));
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }

  private long hashFile(Path file, long size) throws IOException {
    ByteBuffer buf = BUFFERS.get();
    int limit = (int) Math.clamp(size + 1, MIN_BUFFER, MAX_BUFFER);
    try (FileChannel in = FileChannel.open(file);
        StreamingXXHash64 h = XXH.newStreamingHash64(0)) {
      buf.clear().limit(limit);
      while (in.read(buf) > 0) {
        h.update(buf.array(), 0, buf.position());
        progress.bytesChecksummed.addAndGet(buf.position());
        buf.clear().limit(limit);
        control.check();
      }
      return h.getValue();
    }
  }

  private long hashStream(InputStream in, long size) throws IOException {
    byte[] buf = new byte[(int) Math.clamp(size + 1, MIN_BUFFER, MAX_BUFFER)];
    try (StreamingXXHash64 h = XXH.newStreamingHash64(0)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        h.update(buf, 0, n);
        progress.bytesChecksummed.addAndGet(n);
        control.check();
      }
      return h.getValue();
    }
  }
}
