package org.globustimer.transfer.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.globustimer.transfer.TransferException;

/** Plain JDBC with the few shapes this module needs; SQLException is wrapped here and only here. */
public final class Db {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;
  private final boolean instantsAsMillis;

  public Db(DataSource dataSource) {
    this.dataSource = dataSource;
    // SQLite has no timestamp type: its tables keep epoch milliseconds.
    this.instantsAsMillis = Migrations.dialect(dataSource).equals("sqlite");
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public <T> List<T> list(String sql, Row<T> row, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw TransferException.internal("database query failed: " + e.getMessage(), e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> rows = list(sql, row, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  public int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw TransferException.internal("database update failed: " + e.getMessage(), e);
    }
  }

  /** Runs one statement for each row of arguments, all in one transaction. */
  public void batch(String sql, List<Object[]> rows) {
    batch(sql, rows, false);
  }

  /**
   * As {@link #batch}, for rows that are only a cache: on SQLite the commit does not wait for the
   * disk (a crash may lose the last such batches, never the database's consistency).
   */
  public void cacheBatch(String sql, List<Object[]> rows) {
    batch(sql, rows, instantsAsMillis);
  }

  private void batch(String sql, List<Object[]> rows, boolean unsynced) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      // a pooled connection gets its own setting back afterwards
      String synchronous = unsynced ? pragma(c, "synchronous") : null;
      if (unsynced) {
        set(c, "synchronous = normal");
      }
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (Object[] row : rows) {
          bind(ps, row);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
        if (synchronous != null) {
          set(c, "synchronous = " + synchronous);
        }
      }
    } catch (SQLException e) {
      throw TransferException.internal("database batch failed: " + e.getMessage(), e);
    }
  }

  private static void set(Connection c, String pragma) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute("pragma " + pragma);
    }
  }

  private static String pragma(Connection c, String pragma) throws SQLException {
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery("pragma " + pragma)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Inserts a row; answers false instead of failing when a unique key already holds it. */
  public boolean insertIfAbsent(String sql, Object... args) {
    return update(sql + " on conflict do nothing", args) == 1;
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Number millis) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    bind(ps, args);
    return ps;
  }

  private void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof Instant t && instantsAsMillis) {
        ps.setLong(i + 1, t.toEpochMilli());
      } else if (arg instanceof Instant t) {
        ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, arg);
      }
    }
  }
}
