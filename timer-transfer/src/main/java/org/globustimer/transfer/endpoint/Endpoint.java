package org.globustimer.transfer.endpoint;

import java.time.Instant;

/**
 * A storage root with a UUID, owned by one identity. {@code secret} is the encrypted credential
 * blob of an sftp endpoint and never leaves the module; {@code hostKey} is the fingerprint of the
 * sftp server's key, pinned at the first connection.
 */
public record Endpoint(
    String id,
    String owner,
    String displayName,
    Kind kind,
    String root,
    String host,
    Integer port,
    String username,
    String secret,
    Instant createdAt,
    String hostKey) {

  /** LOCAL is the machine's own file system seen through the module's allowed roots. */
  public enum Kind {
    POSIX,
    SFTP,
    LOCAL
  }
}
