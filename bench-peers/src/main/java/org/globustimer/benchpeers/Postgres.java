package org.globustimer.benchpeers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL server under test: a fresh database per run, and its transaction counter. */
record Postgres(String adminUrl, String user, String password) {

  Database create(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    String url =
        adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    return new Database(name, url, user, password);
  }

  void drop(Database database) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
    }
  }

  String version() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW server_version")) {
      r.next();
      return r.getString(1);
    }
  }

  /** One database of the server, as the systems under test connect to it. */
  record Database(String name, String url, String user, String password) {

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    /** Committed plus rolled-back transactions so far, as the statistics collector has them. */
    long transactions() throws SQLException {
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                      + " WHERE datname = current_database()")) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
