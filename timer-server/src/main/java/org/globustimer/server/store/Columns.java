package org.globustimer.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Named column values of one row and the reading and binding of nullable values. Instants are
 * stored as epoch milliseconds, UUIDs as the database's own type or text.
 */
final class Columns {

  private final Map<String, Object> values = new LinkedHashMap<>();

  Columns put(String column, Object value) {
    values.put(column, value);
    return this;
  }

  Columns putAll(Columns other) {
    values.putAll(other.values);
    return this;
  }

  /** Only the named columns, in this row's order. */
  Columns only(Set<String> columns) {
    Columns kept = new Columns();
    values.forEach(
        (column, value) -> {
          if (columns.contains(column)) {
            kept.put(column, value);
          }
        });
    return kept;
  }

  /** {@code INSERT INTO table (a, b) VALUES (?, ?)}, bound by {@link #args}. */
  String insertInto(String table) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", values.keySet())
        + ") VALUES ("
        + values.keySet().stream().map(c -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  /** The column names, comma separated, in this row's order. */
  String names() {
    return String.join(",", values.keySet());
  }

  /** {@code a = ?, b = ?}, bound by {@link #args}. */
  String assignments() {
    return values.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
  }

  Object[] args() {
    return values.values().toArray();
  }

  static void bind(PreparedStatement ps, Dialect dialect, int index, Object value)
      throws SQLException {
    switch (value) {
      case null -> ps.setNull(index, Types.NULL);
      case Instant instant -> ps.setLong(index, instant.toEpochMilli());
      case Duration duration -> ps.setLong(index, duration.toMillis());
      case Long number -> ps.setLong(index, number);
      case Integer number -> ps.setInt(index, number);
      case UUID uuid -> dialect.bindUuid(ps, index, uuid);
      case Enum<?> constant -> ps.setString(index, constant.name());
      default -> ps.setString(index, value.toString());
    }
  }

  static void bindAll(PreparedStatement ps, Dialect dialect, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      bind(ps, dialect, i + 1, values[i]);
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Duration millis(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofMillis(millis);
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : UUID.fromString(text);
  }
}
