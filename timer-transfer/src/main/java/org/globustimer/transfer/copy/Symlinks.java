package org.globustimer.transfer.copy;

import java.util.Set;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.Storage;

/** A task's {@code recursive_symlinks} mode applied to one symbolic link met in a tree. */
final class Symlinks {

  private final TransferSpec spec;
  private final Storage src;
  private final Storage dst;
  private final Progress progress;

  Symlinks(TransferSpec spec, Storage src, Storage dst, Progress progress) {
    this.spec = spec;
    this.src = src;
    this.dst = dst;
    this.progress = progress;
  }

  /** What the link stands for, or null when nothing (more) is copied for it. */
  Entry resolve(
      Entry e, String childSrc, String childDst, Set<String> kept, Set<String> ancestors) {
    switch (spec.recursiveSymlinks()) {
      case IGNORE -> {
        return null;
      }
      case KEEP -> {
        if (spec.includes(e.name(), false)) {
          kept.add(e.name());
          dst.symlink(childDst, src.readLink(childSrc));
        }
        return null;
      }
      default -> {
        try {
          src.ensureInside(childSrc);
          Entry target = src.stat(childSrc, true);
          if (target == null) {
            throw IoErrors.notFound("/" + childSrc + " (dangling symbolic link)");
          }
          if (target.isDir() && ancestors.contains(src.realPath(childSrc))) {
            progress.event(
                "SYMLINK_LOOP", "skipped a link back to its own ancestor", "/" + childSrc, false);
            return null;
          }
          return target;
        } catch (TransferException ex) {
          SourceErrors.skipOrThrow(spec, progress, ex.onSource());
          return null;
        }
      }
    }
  }
}
