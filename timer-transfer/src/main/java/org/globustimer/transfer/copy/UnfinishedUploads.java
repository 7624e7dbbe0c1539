package org.globustimer.transfer.copy;

import java.util.Map;
import java.util.Optional;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.ObjectStore;
import org.globustimer.transfer.endpoint.Storage;

/** A task that ends for good leaves no incomplete upload behind on the server. */
final class UnfinishedUploads {

  private UnfinishedUploads() {}

  static void abort(Storage dst, Uploads uploads, Progress progress) {
    Optional<ObjectStore> objects = dst.objects();
    for (Map.Entry<String, Uploads.Started> u : uploads.all().entrySet()) {
      try {
        objects.ifPresent(o -> o.abort(u.getKey(), u.getValue().uploadId()));
        uploads.ended(u.getKey());
      } catch (TransferException e) {
        progress.event(
            e.code(),
            "could not abort an unfinished upload: " + e.getMessage(),
            "/" + u.getKey(),
            true);
      }
    }
  }
}
