package org.globustimer.transfer.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.globustimer.transfer.endpoint.Entry;
import org.globustimer.transfer.endpoint.Storage;
import org.globustimer.transfer.endpoint.UserPaths;

/**
 * {@code delete_destination_extra}: the destination directories walked, each with the names the
 * source has, and the deletion of the rest once every copy has ended.
 */
final class DestinationExtras {

  /** A destination directory and the names in it that the source has. */
  private record Extra(String dstDir, Set<String> kept) {}

  private final TransferSpec spec;
  private final Storage dst;
  private final Progress progress;
  private final Control control;
  private final List<Extra> extras = new ArrayList<>();

  DestinationExtras(TransferSpec spec, Storage dst, Progress progress, Control control) {
    this.spec = spec;
    this.dst = dst;
    this.progress = progress;
    this.control = control;
  }

  /** {@code dstDir} was walked; of its names, the source has {@code kept}. */
  void walked(String dstDir, Set<String> kept) {
    if (spec.deleteDestinationExtra()) {
      extras.add(new Extra(dstDir, kept));
    }
  }

  /**
   * Deletes what the source lacks once every copy has finished, never while one is in flight: a
   * transfer that fails deletes nothing, and a listing taken now cannot see a file half-written.
   */
  void delete() {
    for (Extra extra : extras) {
      control.check();
      for (Entry d : dst.list(extra.dstDir())) {
        if (extra.kept().contains(d.name())
            || AtomicWrite.isTemporary(d.name())
            || !spec.includes(d.name(), d.isDir())) {
          continue;
        }
        dst.delete(UserPaths.join(extra.dstDir(), d.name()));
        progress.filesDeleted.incrementAndGet();
      }
    }
  }
}
