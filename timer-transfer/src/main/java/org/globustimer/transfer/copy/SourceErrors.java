package org.globustimer.transfer.copy;

import java.util.Set;
import org.globustimer.transfer.TransferException;

/** {@code skip_source_errors}: which failures on the source become events instead. */
final class SourceErrors {

  private static final Set<String> SKIPPABLE =
      Set.of("FILE_NOT_FOUND", "PERMISSION_DENIED", "PATH_OUTSIDE_ENDPOINT");

  private SourceErrors() {}

  static void skipOrThrow(TransferSpec spec, Progress progress, TransferException e) {
    if (e.isSourceError() && spec.skipSourceErrors() && SKIPPABLE.contains(e.code())) {
      progress.event(e.code(), "skipped a source error", e.getMessage(), false);
      return;
    }
    throw e;
  }
}
