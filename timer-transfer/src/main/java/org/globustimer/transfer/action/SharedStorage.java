package org.globustimer.transfer.action;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.copy.TransferSpec;
import org.globustimer.transfer.endpoint.Endpoint;
import org.globustimer.transfer.endpoint.Endpoints;

/** Whether this node sees the storage an action's posix endpoints are on. */
final class SharedStorage {

  private SharedStorage() {}

  /**
   * A posix endpoint root of {@code spec} that this node does not have, or null: such a transfer
   * belongs to a node that sees that storage.
   */
  static String missingRoot(Endpoints endpoints, String owner, TransferSpec spec) {
    for (String id : List.of(spec.sourceEndpoint(), spec.destinationEndpoint())) {
      try {
        Endpoint e = endpoints.require(owner, id);
        if (e.kind() == Endpoint.Kind.POSIX && !Files.isDirectory(Path.of(e.root()))) {
          return e.root();
        }
      } catch (TransferException missingEndpoint) {
        return null; // the run itself fails it, with the endpoint's own error
      }
    }
    return null;
  }
}
