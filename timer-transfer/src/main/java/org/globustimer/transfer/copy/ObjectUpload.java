package org.globustimer.transfer.copy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.ObjectStore;
import org.globustimer.transfer.endpoint.Storage;

/**
 * Copies one file into an object store: server-side when both ends are on one server, in one
 * request when small, else as a multipart upload ({@link MultipartCopy}). The object appears under
 * its key only when complete.
 */
final class ObjectUpload {

  private final TransferSpec spec;
  private final Storage src;
  private final ObjectStore dst;
  private final Progress progress;
  private final Control control;
  private final MultipartCopy multipart;

  ObjectUpload(
      TransferSpec spec,
      Storage src,
      ObjectStore dst,
      Uploads uploads,
      Progress progress,
      Control control,
      CopyTuning tuning,
      Executor executor) {
    this.spec = spec;
    this.src = src;
    this.dst = dst;
    this.progress = progress;
    this.control = control;
    this.multipart = new MultipartCopy(src, dst, uploads, progress, control, tuning, executor);
  }

  void copy(String srcRel, Entry s, String dstRel) {
    Instant mtime = spec.preserveTimestamp() ? s.modified() : null;
    if (dst.copyWithin(src, srcRel, s, dstRel, new ObjectStore.Meta(mtime, null))) {
      progress.bytesTransferred.addAndGet(s.size());
      return;
    }
    for (int attempt = 1; ; attempt++) {
      // with verify_checksum the source is hashed first, and the bytes sent must hash the same
      byte[] expected =
          spec.verifyChecksum()
              ? Checksums.ofSource(src, srcRel, s.size(), progress, control)
              : null;
      boolean sent =
          s.size() <= dst.singleRequestLimit()
              ? putWhole(srcRel, s, dstRel, mtime, expected)
              : multipart.send(srcRel, s, dstRel, mtime, expected);
      if (sent) {
        return;
      }
      progress.faults.incrementAndGet();
      progress.event(
          "CHECKSUM_MISMATCH",
          "the source changed while it was read; copying again",
          "/" + dstRel,
          true);
      if (attempt == AtomicWrite.ATTEMPTS) {
        throw new TransferException(
            "VERIFY_CHECKSUM_FAILED",
            500,
            "checksum of /"
                + srcRel
                + " still differed from the bytes sent after "
                + AtomicWrite.ATTEMPTS
                + " copies");
      }
    }
  }

  private boolean putWhole(String srcRel, Entry s, String dstRel, Instant mtime, byte[] expected) {
    int limit = (int) dst.singleRequestLimit();
    byte[] data = new byte[(int) Math.max(s.size(), 0)];
    int n;
    try (InputStream in = SourceReads.open(src, srcRel)) {
      n = in.readNBytes(data, 0, data.length);
      if (in.read() >= 0 || n != s.size()) {
        throw SourceReads.changed(srcRel);
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + srcRel).onSource();
    }
    if (n > limit) {
      throw SourceReads.changed(srcRel);
    }
    MessageDigest sha = Checksums.digest();
    sha.update(data, 0, n);
    byte[] hash = sha.digest();
    if (expected != null && !MessageDigest.isEqual(expected, hash)) {
      return false;
    }
    control.check();
    dst.put(dstRel, data, n, new ObjectStore.Meta(mtime, hash));
    progress.bytesTransferred.addAndGet(n);
    return true;
  }
}
