package org.globustimer.transfer.copy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.Storage;
import org.globustimer.transfer.endpoint.UserPaths;

/**
 * Runs one transfer task: walks each item's source, applying filters and symlink handling, and
 * hands each file to {@link FileHandoff}; then puts the written files in place and deletes what the
 * source lacks ({@link DestinationExtras}).
 */
public final class TransferJob {

  private static final int MAX_DEPTH = 256;

  private final TransferSpec spec;
  private final Storage src;
  private final Storage dst;
  private final Progress progress;
  private final Control control;
  private final FileCopier copier;
  private final FileHandoff files;
  private final Uploads uploads;
  private final Symlinks symlinks;
  private final Digests digests;
  private final DestinationExtras extras;

  // the algorithm the item being walked names, if any, for the copies it hands on
  private ChecksumAlgorithm algorithm;

  public TransferJob(
      TransferSpec spec,
      Storage src,
      Storage dst,
      Progress progress,
      Control control,
      Ledger ledger,
      Uploads uploads,
      Digests digests,
      CopyTuning tuning,
      String tag,
      ExecutorService executor,
      int parallel) {
    this.spec = spec;
    this.src = src;
    this.dst = dst;
    this.progress = progress;
    this.control = control;
    this.uploads = uploads;
    this.digests = digests;
    this.copier =
        new FileCopier(
            spec, src, dst, progress, control, ledger, tuning, tag, uploads, digests, executor);
    this.files = new FileHandoff(spec, src, dst, progress, copier, executor, parallel);
    this.symlinks = new Symlinks(spec, src, dst, progress);
    this.extras = new DestinationExtras(spec, dst, progress, control);
  }

  public void run() {
    boolean resumable = false;
    try {
      RuntimeException failure = null;
      try {
        for (TransferSpec.Item item : spec.items()) {
          runItem(item);
        }
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      } finally {
        files.awaitAll();
        commitWritten(failure);
      }
      files.checkFailed();
      extras.delete();
    } catch (TransferException e) {
      resumable = e.code().equals("SHUTDOWN");
      throw e;
    } finally {
      if (!resumable) {
        UnfinishedUploads.abort(dst, uploads, progress);
      }
    }
  }

  /** Files written whole are put in place and acknowledged however the task ends. */
  private void commitWritten(RuntimeException failure) {
    try {
      copier.flush();
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  private void runItem(TransferSpec.Item item) {
    control.check();
    algorithm = item.checksumAlgorithm();
    files.checkFailed();
    String srcRel = UserPaths.toRel(item.sourcePath(), src.homeRel());
    String dstRel = UserPaths.toRel(item.destinationPath(), dst.homeRel());
    src.ensureInside(srcRel);
    dst.ensureInside(dstRel);
    Entry s;
    try {
      s = item.recursive() ? src.statTree(srcRel) : src.stat(srcRel, true);
      if (s == null) {
        throw IoErrors.notFound(item.sourcePath());
      }
    } catch (TransferException e) {
      SourceErrors.skipOrThrow(spec, progress, e.onSource());
      return;
    }
    if (item.recursive()) {
      if (!s.isDir()) {
        throw new TransferException(
            "NOT_A_DIRECTORY",
            400,
            "a recursive item's source must be a directory: " + item.sourcePath());
      }
      Set<String> ancestors = new HashSet<>();
      if (spec.recursiveSymlinks() == TransferSpec.SymlinkMode.COPY) {
        ancestors.add(src.realPath(srcRel));
      }
      Entry d = dst.statTree(dstRel);
      if (d != null && Integer.valueOf(3).equals(spec.syncLevel())) {
        // both trees' kept digests in one read each, instead of one per directory
        digests.preload(
            Stream.of(src.localPath(srcRel), dst.localPath(dstRel))
                .flatMap(Optional::stream)
                .map(Path::toString)
                .toList());
      }
      copyTree(srcRel, dstRel, 0, ancestors, d);
      return;
    }
    if (s.isDir()) {
      throw new TransferException(
          "IS_A_DIRECTORY",
          400,
          "the source is a directory; mark the item recursive to copy it: " + item.sourcePath());
    }
    if (s.isSpecial()) {
      throw new TransferException(
          "NOT_A_REGULAR_FILE",
          400,
          "the source is a pipe, socket or device, which cannot be copied; name a regular file: "
              + item.sourcePath());
    }
    Entry d = dst.stat(dstRel, true);
    if (item.destinationPath().endsWith("/") || (d != null && d.isDir())) {
      dstRel = UserPaths.join(dstRel, UserPaths.name(srcRel));
      dst.ensureInside(dstRel);
    }
    dst.mkdirs(UserPaths.parent(dstRel));
    files.submit(srcRel, s, dstRel, FileCopier.Seen.UNKNOWN, algorithm);
  }

  /** {@code d} is the destination directory as last seen: null when absent. */
  private void copyTree(String srcDir, String dstDir, int depth, Set<String> ancestors, Entry d) {
    control.check();
    files.checkFailed();
    if (depth > MAX_DEPTH) {
      throw new TransferException("TOO_DEEP", 400, "directory tree deeper than " + MAX_DEPTH);
    }
    progress.directories.incrementAndGet();
    if (d != null && !d.isDir()) {
      throw new TransferException(
          "NOT_A_DIRECTORY", 400, "destination exists and is not a directory: /" + dstDir);
    }
    if (d == null) {
      dst.mkdirs(dstDir);
      copier.created(dstDir);
    }
    // a directory link planted at the destination must not carry writes out of the endpoint
    dst.ensureInside(dstDir);
    List<Entry> children;
    try {
      children = src.list(srcDir);
    } catch (TransferException e) {
      SourceErrors.skipOrThrow(spec, progress, e.onSource());
      return;
    }
    // one listing says what is there, instead of a look at the destination per file
    Map<String, Entry> present = WalkAhead.present(dst, dstDir, d);
    WalkAhead.tell(spec, src, srcDir, children, dst, dstDir, present);
    Set<String> kept = new HashSet<>();
    for (Entry e : children) {
      String childSrc = UserPaths.join(srcDir, e.name());
      String childDst = UserPaths.join(dstDir, e.name());
      Entry eff = e;
      if (e.isLink()) {
        progress.symlinks.incrementAndGet();
        eff = symlinks.resolve(e, childSrc, childDst, kept, ancestors);
        if (eff == null) {
          continue;
        }
      }
      if (eff.isSpecial()) {
        progress.event(
            "SKIPPED_SPECIAL_FILE",
            "skipped a pipe, socket or device: only regular files are copied",
            "/" + childSrc,
            false);
        continue;
      }
      if (!spec.includes(e.name(), eff.isDir())) {
        continue;
      }
      kept.add(e.name());
      if (eff.isDir()) {
        Set<String> below = ancestors;
        if (spec.recursiveSymlinks() == TransferSpec.SymlinkMode.COPY) {
          below = new HashSet<>(ancestors);
          below.add(src.realPath(childSrc));
        }
        Entry there = present.get(e.name());
        if (there != null && there.isLink() && !dst.remoteMetadata()) {
          there = dst.stat(childDst, true); // a local walk enters a directory through a link
        }
        copyTree(childSrc, childDst, depth + 1, below, there);
      } else {
        // in a directory just made, nothing is there yet: no look at the destination per file
        FileCopier.Seen seen =
            d == null ? FileCopier.Seen.ABSENT : FileCopier.Seen.of(present.get(e.name()));
        files.submit(childSrc, eff, childDst, seen, algorithm);
      }
    }
    extras.walked(dstDir, kept);
  }
}
