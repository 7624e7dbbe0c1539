package org.globustimer.transfer.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.Storage;

/**
 * A file's checksum for {@code verify_checksum} and sync level 3: SHA-256 unless the item names
 * another algorithm; see docs/decisions/transfer-checksums.md.
 */
final class Checksums {

  private static final int MAX_BUFFER = 1 << 20;
  private static final int MIN_BUFFER = 4 * 1024;
  private static final ThreadLocal<MessageDigest> DIGESTS =
      ThreadLocal.withInitial(Checksums::digest);

  private Checksums() {}

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw TransferException.internal("SHA-256 unavailable", e);
    }
  }

  /** {@code sizeHint} (the expected length) keeps buffers small for the many small files. */
  static byte[] of(Storage storage, String rel, long sizeHint, Progress progress, Control control) {
    return of(storage, rel, sizeHint, null, progress, control);
  }

  /** With {@code algorithm} null, SHA-256 (which a backend may keep for us). */
  static byte[] of(
      Storage storage,
      String rel,
      long sizeHint,
      ChecksumAlgorithm algorithm,
      Progress progress,
      Control control) {
    if (algorithm == null || algorithm == ChecksumAlgorithm.SHA256) {
      Optional<byte[]> kept = storage.storedSha256(rel);
      if (kept.isPresent()) {
        return kept.get();
      }
    }
    if (algorithm != null) {
      ChecksumAlgorithm.Hasher h = algorithm.newHasher();
      read(storage, rel, sizeHint, h::update, h::update, progress, control);
      return h.value();
    }
    MessageDigest md = DIGESTS.get();
    md.reset();
    read(storage, rel, sizeHint, md::update, md::update, progress, control);
    return md.digest();
  }

  private interface BufferSink {
    void accept(ByteBuffer data);
  }

  private interface ArraySink {
    void accept(byte[] data, int offset, int length);
  }

  private static void read(
      Storage storage,
      String rel,
      long sizeHint,
      BufferSink channelSink,
      ArraySink streamSink,
      Progress progress,
      Control control) {
    int size = Math.clamp(sizeHint + 1, MIN_BUFFER, MAX_BUFFER);
    Optional<Path> local = storage.localPath(rel);
    try {
      if (local.isPresent()) {
        hashChannel(local.get(), channelSink, size, progress, control);
      } else {
        hashStream(storage, rel, streamSink, size, progress, control);
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  private static void hashChannel(
      Path file, BufferSink md, int size, Progress progress, Control control) throws IOException {
    try (FileChannel in = FileChannel.open(file)) {
      ByteBuffer buf = ByteBuffer.allocate(size);
      while (in.read(buf) > 0) {
        buf.flip();
        progress.bytesChecksummed.addAndGet(buf.remaining());
        md.accept(buf);
        buf.clear();
        control.check();
      }
    }
  }

  private static void hashStream(
      Storage storage, String rel, ArraySink md, int size, Progress progress, Control control)
      throws IOException {
    try (InputStream in = storage.openRead(rel)) {
      byte[] buf = new byte[size];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.accept(buf, 0, n);
        progress.bytesChecksummed.addAndGet(n);
        control.check();
      }
    }
  }

  /** The checksum of a source file; failures count as source errors. */
  static byte[] ofSource(
      Storage storage, String rel, long sizeHint, Progress progress, Control control) {
    return ofSource(storage, rel, sizeHint, null, progress, control);
  }

  static byte[] ofSource(
      Storage storage,
      String rel,
      long sizeHint,
      ChecksumAlgorithm algorithm,
      Progress progress,
      Control control) {
    try {
      return of(storage, rel, sizeHint, algorithm, progress, control);
    } catch (TransferException e) {
      throw e.onSource();
    }
  }
}
