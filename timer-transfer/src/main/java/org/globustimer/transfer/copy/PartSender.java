package org.globustimer.transfer.copy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.ObjectStore;
import org.globustimer.transfer.endpoint.Storage;

/**
 * The parts of one multipart upload: the source read in order, a part the server already holds with
 * the same bytes (its ETag is their MD5) kept, the others sent {@value #IN_FLIGHT} at a time.
 */
final class PartSender {

  static final int IN_FLIGHT = 4;

  private final ObjectStore dst;
  private final String dstRel;
  private final String uploadId;
  private final int partSize;
  private final Progress progress;
  private final Control control;
  private final CopyTuning tuning;
  private final Executor executor;
  final ConcurrentSkipListMap<Integer, String> etags = new ConcurrentSkipListMap<>();
  private final AtomicReference<TransferException> failure = new AtomicReference<>();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();
  int reused;
  long reusedBytes;

  PartSender(
      ObjectStore dst,
      String dstRel,
      String uploadId,
      int partSize,
      Progress progress,
      Control control,
      CopyTuning tuning,
      Executor executor) {
    this.dst = dst;
    this.dstRel = dstRel;
    this.uploadId = uploadId;
    this.partSize = partSize;
    this.progress = progress;
    this.control = control;
    this.tuning = tuning;
    this.executor = executor;
  }

  /** Sends what {@code stored} lacks, hashing into {@code sha} if given; answers the size read. */
  long send(Storage src, String srcRel, Map<Integer, String> stored, MessageDigest sha) {
    long total = 0;
    try (InputStream in = SourceReads.open(src, srcRel)) {
      for (int number = 1; ; number++) {
        control.check();
        throwFailure();
        inFlight.acquireUninterruptibly();
        byte[] buffer = buffers.poll();
        if (buffer == null) {
          buffer = new byte[partSize];
        }
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0 && number > 1) {
          release(buffer);
          break;
        }
        total += n;
        if (sha != null) {
          sha.update(buffer, 0, n);
        }
        byte[] md5 = SourceReads.md5(buffer, n);
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
      inFlight.acquireUninterruptibly(IN_FLIGHT);
      inFlight.release(IN_FLIGHT);
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
