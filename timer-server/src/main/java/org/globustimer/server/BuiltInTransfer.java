package org.globustimer.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.globustimer.server.auth.LocalTokens;
import org.globustimer.server.config.Settings;
import org.globustimer.server.store.TimerStore;
import org.globustimer.transfer.TransferModule;
import org.globustimer.transfer.TransferSettings;

/**
 * The transfer provider built into the service, set up for how the service is run: a service of one
 * user may reach that user's home through local endpoints and sign S3 requests with the machine's
 * AWS identity; a shared one, whose home holds other users' files and its own secrets, may do
 * neither.
 */
final class BuiltInTransfer {

  private BuiltInTransfer() {}

  static TransferModule open(
      Settings settings, TimerStore store, LocalTokens localTokens, Clock clock) {
    Path userHome = Path.of(System.getProperty("user.home"));
    boolean shared = settings.auth().multiUser();
    TransferModule transfer =
        new TransferModule(
            new TransferSettings(
                userHome,
                shared ? List.of() : List.of(userHome),
                4,
                settings.secretKey(),
                !shared,
                settings.nodeId(),
                settings.lease()),
            store.dataSource(),
            clock);
    if (!shared) {
      transfer.registerLocalEndpoints(localTokens.localIdentity().principal());
    }
    return transfer;
  }
}
