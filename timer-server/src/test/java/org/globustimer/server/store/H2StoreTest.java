package org.globustimer.server.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 in file mode, the embedded default. */
class H2StoreTest extends StoreContract {

  @TempDir Path dir;

  @Override
  TimerStore openEmptyStore() {
    return TimerStore.open("jdbc:h2:file:" + dir.resolve("timers").toAbsolutePath(), "", "", 8);
  }
}
