package org.globustimer.transfer.copy;

import java.util.concurrent.ExecutorService;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.Storage;

/**
 * Each file the walk meets: settled on the walking thread when metadata can settle it, else handed
 * to a copy slot; where each look at a server is a round trip, the deciding is handed on as well.
 */
final class FileHandoff {

  private final TransferSpec spec;
  private final Storage src;
  private final Storage dst;
  private final Progress progress;
  private final FileCopier copier;
  private final CopySlots slots;

  FileHandoff(
      TransferSpec spec,
      Storage src,
      Storage dst,
      Progress progress,
      FileCopier copier,
      ExecutorService executor,
      int parallel) {
    this.spec = spec;
    this.src = src;
    this.dst = dst;
    this.progress = progress;
    this.copier = copier;
    this.slots = new CopySlots(executor, parallel);
  }

  void submit(String srcRel, Entry s, String dstRel, FileCopier.Seen seen, ChecksumAlgorithm a) {
    slots.checkFailed();
    copier.commitIfDue();
    if (src.remoteMetadata() || dst.remoteMetadata()) {
      // each look at a server is a round trip: settle files in parallel, not on this thread
      slots.submit(s.size(), () -> planAndCopy(srcRel, s, dstRel, seen, a));
      return;
    }
    FileCopier.Planned planned = copier.plan(srcRel, s, dstRel, seen, a);
    if (planned == null) {
      return;
    }
    slots.submit(s.size(), () -> copyFile(planned));
  }

  /** Throws the first failure of a copy, if there was one. */
  void checkFailed() {
    slots.checkFailed();
  }

  /** Waits until every handed-on copy has ended. */
  void awaitAll() {
    slots.awaitAll();
  }

  private void planAndCopy(
      String srcRel, Entry s, String dstRel, FileCopier.Seen seen, ChecksumAlgorithm a) {
    FileCopier.Planned planned;
    try {
      planned = copier.plan(srcRel, s, dstRel, seen, a);
    } catch (TransferException e) {
      SourceErrors.skipOrThrow(spec, progress, e);
      progress.filesSkipped.incrementAndGet();
      return;
    }
    if (planned != null) {
      copyFile(planned);
    }
  }

  private void copyFile(FileCopier.Planned planned) {
    try {
      copier.copy(planned);
    } catch (TransferException e) {
      SourceErrors.skipOrThrow(spec, progress, e);
      progress.filesSkipped.incrementAndGet();
    }
  }
}
