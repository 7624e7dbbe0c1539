package org.globustimer.transfer.copy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.ObjectStore;
import org.globustimer.transfer.endpoint.Storage;

/**
 * Copies one file into an object store: server-side when both ends are on one server, in one
 * request when small, else as a multipart upload whose parts go in parallel. An upload is recorded
 * before its first part, so a task resumed after a crash sends only the parts the server lacks
 * (those whose ETag is the MD5 of the same bytes of the source). The object appears under its key
 * only when complete.
 */
final class ObjectUpload {

  static final int PARTS_IN_FLIGHT = 4;

  private final TransferSpec spec;
  private final Storage src;
  private final ObjectStore dst;
  private final Uploads uploads;
  private final Progress progress;
  private final Control control;
  private final CopyTuning tuning;
  private final Executor executor;

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
    this.uploads = uploads;
    this.progress = progress;
    this.control = control;
    this.tuning = tuning;
    this.executor = executor;
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
              : putParts(srcRel, s, dstRel, mtime, expected);
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
    try (InputStream in = openSource(srcRel)) {
      n = in.readNBytes(data, 0, data.length);
      if (in.read() >= 0 || n != s.size()) {
        throw sourceChanged(srcRel);
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + srcRel).onSource();
    }
    if (n > limit) {
      throw sourceChanged(srcRel);
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

  private boolean putParts(String srcRel, Entry s, String dstRel, Instant mtime, byte[] expected) {
    long partSize = dst.partSize(s.size());
    long mtimeMillis = s.modified().toEpochMilli();
    String uploadId = null;
    Map<Integer, String> stored = Map.of();
    Uploads.Started prior = uploads.find(dstRel);
    if (prior != null) {
      if (prior.size() == s.size()
          && prior.mtimeMillis() == mtimeMillis
          && prior.partSize() == partSize) {
        Map<Integer, String> parts = dst.storedParts(dstRel, prior.uploadId());
        if (parts != null) {
          uploadId = prior.uploadId();
          stored = parts;
        }
      }
      if (uploadId == null) {
        abortQuietly(dstRel, prior.uploadId());
      }
    }
    if (uploadId == null) {
      uploadId = dst.startUpload(dstRel, new ObjectStore.Meta(mtime, expected));
      uploads.started(dstRel, new Uploads.Started(uploadId, s.size(), mtimeMillis, partSize));
    }
    Parts parts = new Parts(dstRel, uploadId, (int) partSize);
    // the bytes sent are hashed only to compare with the source's hash taken before
    MessageDigest sha = expected == null ? null : Checksums.digest();
    long read = parts.send(srcRel, stored, sha);
    if (read != s.size()) {
      abortQuietly(dstRel, uploadId);
      throw sourceChanged(srcRel);
    }
    if (expected != null && !MessageDigest.isEqual(expected, sha.digest())) {
      abortQuietly(dstRel, uploadId);
      return false;
    }
    if (parts.reused > 0) {
      progress.event(
          "UPLOAD_RESUMED",
          "took up a multipart upload: "
              + parts.reused
              + " of "
              + parts.etags.size()
              + " parts ("
              + parts.reusedBytes
              + " bytes) were already stored",
          "/" + dstRel,
          false);
    }
    control.check();
    dst.complete(dstRel, uploadId, parts.etags);
    uploads.ended(dstRel);
    return true;
  }

  /** The parts of one upload: read in order, the missing ones sent in parallel. */
  private final class Parts {
    final String dstRel;
    final String uploadId;
    final int partSize;
    final ConcurrentSkipListMap<Integer, String> etags = new ConcurrentSkipListMap<>();
    final AtomicReference<TransferException> failure = new AtomicReference<>();
    final Semaphore inFlight = new Semaphore(PARTS_IN_FLIGHT);
    final ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();
    int reused;
    long reusedBytes;

    Parts(String dstRel, String uploadId, int partSize) {
      this.dstRel = dstRel;
      this.uploadId = uploadId;
      this.partSize = partSize;
    }

    /**
     * Sends what {@code stored} lacks, hashing into {@code sha} if given; answers the size read.
     */
    long send(String srcRel, Map<Integer, String> stored, MessageDigest sha) {
      long total = 0;
      try (InputStream in = openSource(srcRel)) {
        for (int number = 1; ; number++) {
          control.check();
          throwFailure();
          inFlight.acquireUninterruptibly();
          byte[] buffer = buffers.poll();
          if (buffer == null) {
            buffer = new byte[partSize];
          }
          int n = readPart(in, buffer, srcRel);
          if (n == 0 && number > 1) {
            release(buffer);
            break;
          }
          total += n;
          if (sha != null) {
            sha.update(buffer, 0, n);
          }
          byte[] md5 = md5(buffer, n);
          String have = stored.get(number);
          if (have != null && have.equalsIgnoreCase(HexFormat.of().formatHex(md5))) {
            etags.put(number, have);
            reused++;
            reusedBytes += n;
            release(buffer);
          } else {
            sendPart(number, buffer, n, md5);
          }
          if (n < partSize) {
            break;
          }
        }
      } catch (IOException e) {
        throw IoErrors.map(e, "/" + srcRel).onSource();
      } finally {
        inFlight.acquireUninterruptibly(PARTS_IN_FLIGHT);
        inFlight.release(PARTS_IN_FLIGHT);
      }
      throwFailure();
      return total;
    }

    private void sendPart(int number, byte[] buffer, int n, byte[] md5) {
      Runnable put =
          () -> {
            try {
              if (failure.get() == null) {
                etags.put(number, dst.putPart(dstRel, uploadId, number, buffer, n, md5));
                progress.bytesTransferred.addAndGet(n);
                tuning.afterChunk().run();
              }
            } catch (TransferException e) {
              failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
              failure.compareAndSet(null, TransferException.internal("part upload failed", e));
            } finally {
              release(buffer);
            }
          };
      try {
        executor.execute(put);
      } catch (RejectedExecutionException e) {
        release(buffer);
        throw new TransferException("SHUTDOWN", 503, "the transfer service is stopping");
      }
    }

    private void release(byte[] buffer) {
      buffers.offer(buffer);
      inFlight.release();
    }

    private void throwFailure() {
      TransferException e = failure.get();
      if (e != null) {
        throw e;
      }
    }
  }

  private int readPart(InputStream in, byte[] buffer, String srcRel) throws IOException {
    return in.readNBytes(buffer, 0, buffer.length);
  }

  private InputStream openSource(String srcRel) {
    try {
      return src.openRead(srcRel);
    } catch (TransferException e) {
      throw e.onSource();
    }
  }

  private void abortQuietly(String dstRel, String uploadId) {
    try {
      dst.abort(dstRel, uploadId);
    } catch (TransferException e) {
      progress.event(
          e.code(), "could not abort an unfinished upload: " + e.getMessage(), "/" + dstRel, true);
    }
    uploads.ended(dstRel);
  }

  private static TransferException sourceChanged(String srcRel) {
    return new TransferException(
            "SOURCE_CHANGED", 409, "the source changed size while it was copied: /" + srcRel)
        .onSource();
  }

  private static byte[] md5(byte[] data, int n) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      md.update(data, 0, n);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw TransferException.internal("MD5 unavailable", e);
    }
  }
}
