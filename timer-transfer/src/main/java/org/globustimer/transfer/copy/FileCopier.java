package org.globustimer.transfer.copy;

import java.time.Duration;
import java.util.concurrent.Executor;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.Storage;

/**
 * Decides whether one file is copied (by the task's ledger and sync level) and copies it, retrying
 * when the destination is out of space. Deciding by metadata is cheap and done on the walking
 * thread ({@link #plan}); reading contents and writing are done by {@link #copy}.
 */
final class FileCopier {

  /**
   * A file that metadata alone could not settle, with what its destination was; {@code algorithm}
   * is the item's {@code checksum_algorithm}, or null.
   */
  record Planned(
      String srcRel, Entry source, String dstRel, Entry destination, ChecksumAlgorithm algorithm) {}

  /**
   * The destination as its directory's listing showed it: {@link #UNKNOWN} when not listed, {@link
   * #ABSENT} when listed and not there. A listed object's size is exact, its time the upload's (a
   * kept mtime needs a look of its own).
   */
  record Seen(Entry entry, boolean listed) {
    static final Seen UNKNOWN = new Seen(null, false);
    static final Seen ABSENT = new Seen(null, true);

    static Seen of(Entry listed) {
      return listed == null ? ABSENT : new Seen(listed, true);
    }
  }

  private final TransferSpec spec;
  private final Storage src;
  private final Storage dst;
  private final Progress progress;
  private final Control control;
  private final Ledger ledger;
  private final AtomicWrite write;
  private final DurableBatch batch;
  private final Digests digests;
  private final SameContent content;
  private final String tag;

  FileCopier(
      TransferSpec spec,
      Storage src,
      Storage dst,
      Progress progress,
      Control control,
      Ledger ledger,
      CopyTuning tuning,
      String tag,
      Uploads uploads,
      Digests digests,
      Executor executor) {
    this.spec = spec;
    this.src = src;
    this.dst = dst;
    this.progress = progress;
    this.control = control;
    this.ledger = ledger;
    this.batch = new DurableBatch(dst, ledger, progress);
    this.digests = digests;
    this.tag = tag;
    this.content = new SameContent(src, dst, progress, control, digests, executor);
    this.write =
        new AtomicWrite(spec, src, dst, progress, control, tuning, tag, uploads, executor, batch);
  }

  /**
   * Settles the file when metadata can (copied earlier by this task, or up to date at sync level 0,
   * 1 or 2) and answers null; otherwise answers what {@link #copy} needs.
   */
  Planned plan(String srcRel, Entry listed, String dstRel, Seen seen, ChecksumAlgorithm algorithm) {
    control.check();
    progress.files.incrementAndGet();
    // only sync level 2 compares the destination's time, which a listing may not carry
    boolean listingDoes =
        seen.listed() && (dst.listedTimesExact() || !Integer.valueOf(2).equals(spec.syncLevel()));
    Entry d = seen == Seen.ABSENT ? null : listingDoes ? seen.entry() : dst.stat(dstRel, false);
    if (d != null && (d.isLink() || d.isSpecial())) {
      // the rename replaces the link or pipe itself, which is never read, compared or written
      d = null;
    }
    Ledger.Done done = ledger.find(dstRel);
    // a listing may carry a time other than the kept mtime; look again only when it matters
    Entry s =
        d == null && done == null && !spec.preserveTimestamp() ? listed : src.exact(srcRel, listed);
    if (done != null && done.sameAs(s.size(), s.modified())) {
      if (renamedNow(dstRel, s) || (d != null && d.size() == s.size())) {
        progress.filesTransferred.incrementAndGet();
        progress.bytesTransferred.addAndGet(s.size());
        return null;
      }
    }
    if (d != null && d.isDir()) {
      throw new TransferException(
          "IS_A_DIRECTORY", 400, "destination is a directory, source is a file: /" + dstRel);
    }
    if (d != null && spec.syncLevel() != null && spec.syncLevel() < 3 && !newer(s, d)) {
      progress.filesSkipped.incrementAndGet();
      return null;
    }
    if (d != null && knownSame(srcRel, s, dstRel, d, algorithm)) {
      progress.filesSkipped.incrementAndGet();
      return null;
    }
    return new Planned(srcRel, s, dstRel, d, algorithm);
  }

  /**
   * A file in the ledger whose whole temporary copy is still beside it: the task stopped between
   * recording it and renaming it. The rename is finished now instead of copying it again.
   */
  private boolean renamedNow(String dstRel, Entry s) {
    if (dst.objects().isPresent()) {
      return false; // an object store has no temporary files and no rename
    }
    String tmp = AtomicWrite.temporaryFor(dstRel, tag);
    Entry t = dst.stat(tmp, false);
    if (t == null || t.isDir() || t.size() != s.size()) {
      return false;
    }
    dst.rename(tmp, dstRel);
    dst.syncDirectory(org.globustimer.transfer.endpoint.UserPaths.parent(dstRel));
    return true;
  }

  /** Whether sync levels 0 to 2 call for a copy over an existing destination. */
  private boolean newer(Entry s, Entry d) {
    return switch (spec.syncLevel()) {
      case 0 -> false;
      case 1 -> s.size() != d.size();
      default -> s.modified().getEpochSecond() > d.modified().getEpochSecond();
    };
  }

  void copy(Planned p) {
    control.check();
    if (p.destination() != null && Integer.valueOf(3).equals(spec.syncLevel()) && sameContent(p)) {
      progress.filesSkipped.incrementAndGet();
      return;
    }
    DurableBatch.Written written;
    for (int attempt = 1; ; attempt++) {
      try {
        written = write.copy(p.srcRel(), p.source(), p.dstRel(), p.algorithm());
        break;
      } catch (TransferException e) {
        if (!e.code().equals("QUOTA_EXCEEDED")
            || spec.failOnQuotaErrors()
            || attempt == AtomicWrite.ATTEMPTS) {
          throw e;
        }
        progress.faults.incrementAndGet();
        progress.event(e.code(), "out of space; retrying", e.getMessage(), true);
        pause(Duration.ofSeconds(attempt));
      }
    }
    if (written != null) {
      batch.add(written);
    } else {
      batch.placed(p.dstRel(), p.source().size(), p.source().modified());
    }
  }

  /** Commits written files waiting longer than a batch may wait. */
  void commitIfDue() {
    batch.commitIfDue();
  }

  /** {@code dstDir} was created: its entry in its parent is made durable with the next batch. */
  void created(String dstDir) {
    batch.createdDirectoryIn(org.globustimer.transfer.endpoint.UserPaths.parent(dstDir));
  }

  /** Renames into place, and acknowledges, the files written but not yet committed. */
  void flush() {
    try {
      batch.flush();
    } finally {
      digests.flush();
    }
  }

  /**
   * Sync level 3 settled without reading: both sides local with valid kept digests. Only then is
   * the decision made here rather than on a copy thread, which for a small file costs more than it.
   */
  private boolean knownSame(String srcRel, Entry s, String dstRel, Entry d, ChecksumAlgorithm a) {
    return Integer.valueOf(3).equals(spec.syncLevel())
        && !src.remoteMetadata()
        && !dst.remoteMetadata()
        && s.size() == d.size()
        && Boolean.TRUE.equals(content.known(srcRel, s, dstRel, d, a));
  }

  /** Sync level 3: equal sizes and equal content. */
  private boolean sameContent(Planned p) {
    return p.source().size() == p.destination().size()
        && content.test(p.srcRel(), p.source(), p.dstRel(), p.destination(), p.algorithm());
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransferException("SHUTDOWN", 503, "the transfer service is stopping");
    }
    control.check();
  }
}
