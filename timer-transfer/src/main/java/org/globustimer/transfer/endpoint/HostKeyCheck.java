package org.globustimer.transfer.endpoint;

import java.security.PublicKey;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Trust on first use for one sftp connection: the key fingerprint the endpoint has pinned (null
 * before its first connection), and what the server presented.
 */
final class HostKeyCheck {

  static final AttributeRepository.AttributeKey<HostKeyCheck> KEY =
      new AttributeRepository.AttributeKey<>();

  private final String pinned;
  private volatile String presented;

  HostKeyCheck(String pinned) {
    this.pinned = pinned;
  }

  boolean accept(PublicKey key) {
    presented = KeyUtils.getFingerPrint(key);
    return pinned == null || pinned.equals(presented);
  }

  String pinned() {
    return pinned;
  }

  String presented() {
    return presented;
  }

  boolean refused() {
    return pinned != null && presented != null && !pinned.equals(presented);
  }
}
