package org.globustimer.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Binding and reading of nullable values; instants are stored as epoch milliseconds. */
final class Columns {

  private Columns() {}

  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    switch (value) {
      case null -> ps.setNull(index, Types.NULL);
      case Instant instant -> ps.setLong(index, instant.toEpochMilli());
      case Duration duration -> ps.setLong(index, duration.toMillis());
      case Long number -> ps.setLong(index, number);
      case Integer number -> ps.setInt(index, number);
      case UUID uuid -> ps.setObject(index, uuid);
      case Enum<?> constant -> ps.setString(index, constant.name());
      default -> ps.setString(index, value.toString());
    }
  }

  static void bindAll(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      bind(ps, i + 1, values[i]);
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
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
    return rs.getObject(column, UUID.class);
  }
}
