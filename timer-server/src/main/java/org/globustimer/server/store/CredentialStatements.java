package org.globustimer.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Statements on users' stored provider credentials, inside the transaction of a {@link Tx}. */
public final class CredentialStatements {

  private static final String COLUMNS =
      "owner, provider, refresh_token_sealed, access_token_sealed, access_expires_at, updated_at";

  private final Tx tx;

  CredentialStatements(Tx tx) {
    this.tx = tx;
  }

  public Optional<CredentialRow> find(String owner, String provider) {
    return first(
        tx.query(
            "SELECT " + COLUMNS + " FROM provider_credentials WHERE owner = ? AND provider = ?",
            CredentialStatements::row,
            owner,
            provider));
  }

  /** Reads and locks the row until the transaction ends, so one node at a time refreshes it. */
  public Optional<CredentialRow> lock(String owner, String provider) {
    return first(
        tx.query(
            "SELECT "
                + COLUMNS
                + " FROM provider_credentials WHERE owner = ? AND provider = ?"
                + tx.dialect.forUpdate(),
            CredentialStatements::row,
            owner,
            provider));
  }

  public List<CredentialRow> ownedBy(String owner) {
    return tx.query(
        "SELECT " + COLUMNS + " FROM provider_credentials WHERE owner = ? ORDER BY provider",
        CredentialStatements::row,
        owner);
  }

  public void put(CredentialRow row) {
    Columns columns = columns(row);
    int updated =
        tx.update(
            "UPDATE provider_credentials SET "
                + columns.assignments()
                + " WHERE owner = ? AND provider = ?",
            append(columns.args(), row.owner(), row.provider()));
    if (updated == 0) {
      tx.update(columns.insertInto("provider_credentials"), columns.args());
    }
  }

  /**
   * Writes {@code row} over the stored one only while that still holds {@code refreshTokenSealed}:
   * false when the credential was removed or replaced meanwhile.
   */
  public boolean replace(CredentialRow row, String refreshTokenSealed) {
    Columns columns = columns(row);
    return tx.update(
            "UPDATE provider_credentials SET "
                + columns.assignments()
                + " WHERE owner = ? AND provider = ? AND refresh_token_sealed = ?",
            append(columns.args(), row.owner(), row.provider(), refreshTokenSealed))
        == 1;
  }

  public boolean delete(String owner, String provider) {
    return tx.update(
            "DELETE FROM provider_credentials WHERE owner = ? AND provider = ?", owner, provider)
        > 0;
  }

  private static Columns columns(CredentialRow row) {
    return new Columns()
        .put("owner", row.owner())
        .put("provider", row.provider())
        .put("refresh_token_sealed", row.refreshTokenSealed())
        .put("access_token_sealed", row.accessTokenSealed())
        .put("access_expires_at", row.accessExpiresAt())
        .put("updated_at", row.updatedAt());
  }

  private static Object[] append(Object[] args, Object... more) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static CredentialRow row(ResultSet rs) throws SQLException {
    return new CredentialRow(
        rs.getString("owner"),
        rs.getString("provider"),
        rs.getString("refresh_token_sealed"),
        rs.getString("access_token_sealed"),
        Columns.instant(rs, "access_expires_at"),
        Columns.instant(rs, "updated_at"));
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }
}
