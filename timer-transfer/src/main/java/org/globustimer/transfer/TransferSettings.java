package org.globustimer.transfer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the transfer module.
 *
 * @param localHome what {@code /~/} means on the local endpoints: the user's home directory
 * @param allowedLocalRoots the only local trees any endpoint may reach; empty or null means the
 *     home directory alone
 * @param parallelFiles how many files one transfer copies at once (at least 1)
 * @param secretKey key for sealing sftp credentials at rest; null to use one generated and kept in
 *     the database
 * @param hostCredentials whether s3 endpoints may sign with the service host's own AWS credentials
 *     (the default provider chain); a service shared by several users must not lend them out
 * @param nodeId this process's name among those sharing the database: it leases the actions it runs
 * @param lease how long a running action stays this node's without renewal (it renews every half
 *     second while it copies); another node takes it over only after that
 */
public record TransferSettings(
    Path localHome,
    List<Path> allowedLocalRoots,
    int parallelFiles,
    byte[] secretKey,
    boolean hostCredentials,
    String nodeId,
    Duration lease) {

  /** Settings of one process alone on its database. */
  public TransferSettings(
      Path localHome,
      List<Path> allowedLocalRoots,
      int parallelFiles,
      byte[] secretKey,
      boolean hostCredentials) {
    this(
        localHome,
        allowedLocalRoots,
        parallelFiles,
        secretKey,
        hostCredentials,
        "local",
        Duration.ofSeconds(30));
  }

  /** Settings of a service used by one user, who may use the host's AWS credentials. */
  public TransferSettings(
      Path localHome, List<Path> allowedLocalRoots, int parallelFiles, byte[] secretKey) {
    this(localHome, allowedLocalRoots, parallelFiles, secretKey, true);
  }

  public TransferSettings {
    Objects.requireNonNull(localHome, "localHome");
    localHome = localHome.toAbsolutePath().normalize();
    allowedLocalRoots =
        allowedLocalRoots == null || allowedLocalRoots.isEmpty()
            ? List.of(localHome)
            : allowedLocalRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    if (parallelFiles < 1) {
      throw new IllegalArgumentException("parallelFiles must be at least 1");
    }
    secretKey = secretKey == null ? null : secretKey.clone();
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(lease, "lease");
  }

  /** The defaults for one user's machine: their home, four files at a time. */
  public static TransferSettings forHome(Path home) {
    return new TransferSettings(home, List.of(home), 4, null);
  }
}
