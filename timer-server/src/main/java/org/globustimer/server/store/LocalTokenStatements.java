package org.globustimer.server.store;

import java.time.Instant;
import java.util.Optional;

/** Statements on the embedded service's local tokens, in the transaction of a {@link Tx}. */
public final class LocalTokenStatements {

  private final Sql sql;

  LocalTokenStatements(Sql sql) {
    this.sql = sql;
  }

  public void insert(String tokenHash, String principal, String username, Instant now) {
    sql.update(
        "INSERT INTO local_tokens (token_hash, principal, username, created_at) VALUES (?, ?, ?,"
            + " ?)",
        tokenHash,
        principal,
        username,
        now);
  }

  /** The principal and username of a token, by its hash. */
  public Optional<String[]> find(String tokenHash) {
    return sql.queryOne(
        "SELECT principal, username FROM local_tokens WHERE token_hash = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2)},
        tokenHash);
  }

  /** The first local identity created, which later tokens keep. */
  public Optional<String[]> anyIdentity() {
    return sql.queryOne(
        "SELECT principal, username FROM local_tokens ORDER BY created_at LIMIT 1",
        rs -> new String[] {rs.getString(1), rs.getString(2)});
  }
}
