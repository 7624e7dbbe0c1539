package org.globustimer.transfer.db;

import java.security.SecureRandom;
import java.util.Base64;

/** The credential key the module generates and keeps when its settings give none. */
public final class SecretKeys {

  private static final String NAME = "credentials";

  private SecretKeys() {}

  public static byte[] loadOrCreate(Db db) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    db.insertIfAbsent(
        "insert into transfer_keys (name, key_value) values (?, ?)",
        NAME,
        Base64.getEncoder().encodeToString(fresh));
    String stored =
        db.one("select key_value from transfer_keys where name = ?", rs -> rs.getString(1), NAME)
            .orElseThrow();
    return Base64.getDecoder().decode(stored);
  }
}
