package org.globustimer.server.store;

import static org.globustimer.server.store.Columns.bindAll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs statements on one transaction's connection. A statement is prepared once per transaction and
 * reused: a shared commit runs the same insert or update for each of its units, and preparing is a
 * good part of the cost of a small statement on SQLite.
 */
final class Sql implements AutoCloseable {

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  final Dialect dialect;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  Sql(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  int update(String sql, Object... args) {
    try {
      PreparedStatement ps = prepare(sql, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("statement failed: " + firstWords(sql), e);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try {
      PreparedStatement ps = prepare(sql, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + firstWords(sql), e);
    }
  }

  <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = query(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement ps = prepared.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      prepared.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    bindAll(ps, dialect, args);
    return ps;
  }

  /** Closes the prepared statements; the transaction's connection stays open. */
  @Override
  public void close() {
    for (PreparedStatement ps : prepared.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        // the connection is being returned or replaced; nothing is lost
      }
    }
    prepared.clear();
  }

  private static String firstWords(String sql) {
    return sql.length() > 60 ? sql.substring(0, 60) + "…" : sql;
  }
}
