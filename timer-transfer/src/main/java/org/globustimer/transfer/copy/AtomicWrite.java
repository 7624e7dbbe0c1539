package org.globustimer.transfer.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.Executor;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.Storage;
import org.globustimer.transfer.endpoint.UserPaths;

/**
 * Writes one file the safe way: into a temporary file beside the target, made durable, optionally
 * verified, then renamed over the target, so a destination file is either the old one or the
 * complete new one.
 */
final class AtomicWrite {

  static final int ATTEMPTS = 3;
  private static final int BUFFER = 256 * 1024;

  private final TransferSpec spec;
  private final Storage src;
  private final Storage dst;
  private final Progress progress;
  private final Control control;
  private final CopyTuning tuning;
  private final String tag;
  private final ObjectUpload objects;
  private final DurableBatch batch;

  AtomicWrite(
      TransferSpec spec,
      Storage src,
      Storage dst,
      Progress progress,
      Control control,
      CopyTuning tuning,
      String tag,
      Uploads uploads,
      Executor executor,
      DurableBatch batch) {
    this.objects =
        dst.objects()
            .map(
                store ->
                    new ObjectUpload(
                        spec, src, store, uploads, progress, control, tuning, executor))
            .orElse(null);
    this.spec = spec;
    this.src = src;
    this.dst = dst;
    this.progress = progress;
    this.control = control;
    this.tuning = tuning;
    this.tag = tag;
    this.batch = batch;
  }

  /** The temporary name beside {@code dstRel} that the task tagged {@code tag} writes it under. */
  static String temporaryFor(String dstRel, String tag) {
    return UserPaths.join(
        UserPaths.parent(dstRel), "." + UserPaths.name(dstRel) + "." + tag + ".part");
  }

  static boolean isTemporary(String name) {
    return name.startsWith(".") && name.matches("\\..+\\.[0-9a-f]{8}\\.part");
  }

  /**
   * Copies {@code srcRel} over {@code dstRel} through a temporary file beside it. On a local
   * destination the whole temporary file is answered for a {@link DurableBatch} to make durable and
   * rename; elsewhere it is renamed at once and null is answered.
   */
  DurableBatch.Written copy(String srcRel, Entry s, String dstRel, ChecksumAlgorithm algorithm) {
    if (objects != null) {
      // an object store has no rename, but shows an object only once it is whole
      objects.copy(srcRel, s, dstRel);
      return null;
    }
    String tmp = temporaryFor(dstRel, tag);
    try {
      boolean local = src.localPath(srcRel).isPresent() && dst.localPath(tmp).isPresent();
      for (int attempt = 1; ; attempt++) {
        if (local) {
          writeLocal(srcRel, s, tmp);
        } else {
          writeStream(srcRel, tmp);
          if (spec.preserveTimestamp()) {
            dst.setModified(tmp, s.modified());
          }
        }
        if (!spec.verifyChecksum() || verified(srcRel, s.size(), tmp, algorithm)) {
          break;
        }
        progress.faults.incrementAndGet();
        progress.event(
            "CHECKSUM_MISMATCH", "checksum differed after copy; copying again", "/" + dstRel, true);
        if (attempt == ATTEMPTS) {
          throw new TransferException(
              "VERIFY_CHECKSUM_FAILED",
              500,
              "checksum of /"
                  + dstRel
                  + " still differed from the source after "
                  + ATTEMPTS
                  + " copies");
        }
      }
      if (local) {
        return new DurableBatch.Written(tmp, dstRel, s.size(), s.modified());
      }
      List<Ledger.File> placing = List.of(new Ledger.File(dstRel, s.size(), s.modified()));
      batch.ledger().placing(placing);
      try {
        dst.rename(tmp, dstRel);
      } catch (RuntimeException e) {
        batch.ledger().notPlaced(placing);
        throw e;
      }
      return null;
    } catch (RuntimeException e) {
      try {
        dst.delete(tmp);
      } catch (RuntimeException ignored) {
        // the original failure is the one to report
      }
      throw e;
    }
  }

  private boolean verified(String srcRel, long size, String tmp, ChecksumAlgorithm algorithm) {
    tuning.beforeVerify().accept(tmp);
    return MessageDigest.isEqual(
        Checksums.ofSource(src, srcRel, size, algorithm, progress, control),
        Checksums.of(dst, tmp, size, algorithm, progress, control));
  }

  /**
   * Kernel-side copy (copy_file_range), the kept mtime set, then flushed unless the batch flushes
   * it: all before a rename.
   */
  private void writeLocal(String srcRel, Entry s, String tmp) {
    Path from = src.localPath(srcRel).orElseThrow();
    Path to = dst.localPath(tmp).orElseThrow();
    FileChannel in;
    try {
      in = FileChannel.open(from, StandardOpenOption.READ);
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + srcRel).onSource();
    }
    try (in;
        FileChannel out =
            FileChannel.open(
                to,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      long position = 0;
      while (position < size) {
        long n = in.transferTo(position, Math.min(tuning.chunkBytes(), size - position), out);
        if (n <= 0) {
          break;
        }
        position += n;
        progress.bytesTransferred.addAndGet(n);
        tuning.afterChunk().run();
        control.check();
        batch.commitIfDue();
      }
      if (spec.preserveTimestamp()) {
        dst.setModified(tmp, s.modified());
      }
      if (!batch.flushesWrittenFiles()) {
        out.force(true);
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + tmp);
    }
  }

  private void writeStream(String srcRel, String tmp) {
    InputStream in;
    try {
      in = src.openRead(srcRel);
    } catch (TransferException e) {
      throw e.onSource();
    }
    try (in;
        OutputStream out = dst.openWrite(tmp)) {
      byte[] buf = new byte[BUFFER];
      long sinceChunk = 0;
      while (true) {
        int n;
        try {
          n = in.read(buf);
        } catch (IOException e) {
          throw IoErrors.map(e, "/" + srcRel).onSource();
        }
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        progress.bytesTransferred.addAndGet(n);
        sinceChunk += n;
        if (sinceChunk >= tuning.chunkBytes()) {
          sinceChunk = 0;
          tuning.afterChunk().run();
          batch.commitIfDue();
        }
        control.check();
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + tmp);
    }
  }
}
