package org.globustimer.transfer.copy;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.ObjectStore;
import org.globustimer.transfer.endpoint.Storage;

/**
 * One file as a multipart upload. The upload is recorded before its first part, so a task resumed
 * after a crash takes it up and sends only the parts the server lacks. An upload on record that the
 * server no longer has, or that holds no part, is replaced by a fresh one: a crash during the
 * completion leaves a record whose upload is gone (some servers then list it as empty, and would
 * take parts for it that no completion can use).
 */
final class MultipartCopy {

  private final Storage src;
  private final ObjectStore dst;
  private final Uploads uploads;
  private final Progress progress;
  private final Control control;
  private final CopyTuning tuning;
  private final Executor executor;

  MultipartCopy(
      Storage src,
      ObjectStore dst,
      Uploads uploads,
      Progress progress,
      Control control,
      CopyTuning tuning,
      Executor executor) {
    this.src = src;
    this.dst = dst;
    this.uploads = uploads;
    this.progress = progress;
    this.control = control;
    this.tuning = tuning;
    this.executor = executor;
  }

  /** Sends the file; false when the bytes sent did not hash to {@code expected}. */
  boolean send(String srcRel, Entry s, String dstRel, Instant mtime, byte[] expected) {
    long partSize = dst.partSize(s.size());
    Uploads.Started prior = uploads.find(dstRel);
    Map<Integer, String> stored = prior == null ? null : reusable(prior, s, dstRel, partSize);
    String uploadId;
    if (stored != null) {
      uploadId = prior.uploadId();
    } else {
      stored = Map.of();
      uploadId = dst.startUpload(dstRel, new ObjectStore.Meta(mtime, expected));
      uploads.started(
          dstRel, new Uploads.Started(uploadId, s.size(), s.modified().toEpochMilli(), partSize));
    }
    PartSender parts =
        new PartSender(dst, dstRel, uploadId, (int) partSize, progress, control, tuning, executor);
    // the bytes sent are hashed only to compare with the source's hash taken before
    MessageDigest sha = expected == null ? null : Checksums.digest();
    long read = parts.send(src, srcRel, stored, sha);
    if (read != s.size()) {
      abortQuietly(dstRel, uploadId);
      throw SourceReads.changed(srcRel);
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
    try {
      dst.complete(dstRel, uploadId, parts.etags, mtime);
    } catch (TransferException e) {
      if (prior == null || !e.code().equals("FILE_NOT_FOUND")) {
        throw e;
      }
      // the upload taken up went away meanwhile: once more, with an upload of our own
      uploads.ended(dstRel);
      return send(srcRel, s, dstRel, mtime, expected);
    }
    uploads.ended(dstRel);
    return true;
  }

  /** The parts of the upload on record, or null when it cannot be taken up (it is aborted). */
  private Map<Integer, String> reusable(
      Uploads.Started prior, Entry s, String dstRel, long partSize) {
    if (prior.size() == s.size()
        && prior.mtimeMillis() == s.modified().toEpochMilli()
        && prior.partSize() == partSize) {
      Map<Integer, String> parts = dst.storedParts(dstRel, prior.uploadId());
      if (parts != null && !parts.isEmpty()) {
        return parts;
      }
    }
    abortQuietly(dstRel, prior.uploadId());
    return null;
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
}
