package org.globustimer.transfer.endpoint;

import java.time.Instant;

/**
 * A storage root with a UUID, owned by one identity. {@code secret} is the encrypted credential
 * blob of an sftp or s3 endpoint and never leaves the module; {@code hostKey} is the fingerprint of
 * the sftp server's key, pinned at the first connection; {@code s3} is where an s3 endpoint's
 * objects live (null for other kinds).
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
    String hostKey,
    S3Location s3) {

  /** LOCAL is the machine's own file system seen through the module's allowed roots. */
  public enum Kind {
    POSIX,
    SFTP,
    S3,
    LOCAL
  }
}
