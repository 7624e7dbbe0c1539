package org.globustimer.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A node's id is kept in its home, so a service restarted after a crash knows the claims its last
 * run left and can take them back at once instead of waiting for their leases to expire.
 */
final class NodeIds {

  private NodeIds() {}

  static String keptIn(Path home) {
    Path file = home.resolve("node-id");
    try {
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file).trim();
        if (!kept.isEmpty()) {
          return kept;
        }
      }
      String created = "node-" + UUID.randomUUID().toString().substring(0, 8);
      Files.createDirectories(home);
      Files.writeString(file, created + "\n");
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the node id in " + file, e);
    }
  }
}
