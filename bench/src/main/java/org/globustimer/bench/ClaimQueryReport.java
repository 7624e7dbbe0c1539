package org.globustimer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * What a SQLite database full of idle timers costs the engine: the file's size, and the plan and
 * the time of the claim queries (free timers, expired leases, runs to check), which should end
 * their scan at once when nothing is due.
 */
final class ClaimQueryReport {

  private ClaimQueryReport() {}

  static void print(Path db) throws Exception {
    long main = Files.size(db);
    Path wal = db.resolveSibling(db.getFileName() + "-wal");
    long log = Files.exists(wal) ? Files.size(wal) : 0;
    System.out.printf(
        "database file    %,d MiB (+ %,d MiB write-ahead log)%n", main >> 20, log >> 20);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      long now = System.currentTimeMillis();
      String free =
          "SELECT id FROM timers WHERE due_at BETWEEN 0 AND "
              + (now + 1_000)
              + " AND lease_until IS NULL ORDER BY due_at LIMIT 512";
      String expired =
          "SELECT id FROM timers WHERE lease_until < "
              + now
              + " AND due_at BETWEEN 0 AND "
              + (now + 1_000)
              + " ORDER BY due_at LIMIT 512";
      String checks =
          "SELECT timer_id, slot FROM runs WHERE next_check_at BETWEEN 0 AND "
              + (now + 1_000)
              + " AND (monitor_lease_until IS NULL OR monitor_lease_until < "
              + now
              + ") ORDER BY next_check_at LIMIT 512";
      for (String query : new String[] {free, expired, checks}) {
        System.out.println("EXPLAIN QUERY PLAN " + query.replaceAll("\\d{13}", "?"));
        try (ResultSet rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + query)) {
          while (rs.next()) {
            System.out.println("  " + rs.getString("detail"));
          }
        }
        long t0 = System.nanoTime();
        int rounds = 1_000;
        for (int i = 0; i < rounds; i++) {
          try (ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) {
              // nothing is due: the scan should end at once
            }
          }
        }
        System.out.printf(
            "  %.1f µs per query over the idle timers%n", (System.nanoTime() - t0) / 1e3 / rounds);
      }
    }
  }
}
