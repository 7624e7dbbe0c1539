package org.globustimer.server.store;

import java.time.Instant;

/**
 * Statements on the service's periodic jobs (the retention sweeps), in the transaction of a {@link
 * Tx}. A job is claimed by one node at a time: a compare-and-set on its row that succeeds only when
 * the job is due and its lease is free or expired, so a node that dies in a job leaves it to the
 * next node once the lease ends.
 */
public final class JobStatements {

  private final Sql sql;

  JobStatements(Sql sql) {
    this.sql = sql;
  }

  /** Claims {@code job} for {@code node} until {@code leaseUntil} if it is due; true if claimed. */
  public boolean claim(String job, String node, Instant now, Instant leaseUntil) {
    if (take(job, node, now, leaseUntil)) {
      return true;
    }
    // a job never run on this database has no row yet; whoever adds it may take it at once
    return sql.update(
                "INSERT INTO service_jobs (name, next_run_at) VALUES (?, 0)"
                    + " ON CONFLICT (name) DO NOTHING",
                job)
            == 1
        && take(job, node, now, leaseUntil);
  }

  private boolean take(String job, String node, Instant now, Instant leaseUntil) {
    return sql.update(
            "UPDATE service_jobs SET owner_node = ?, lease_until = ? WHERE name = ? AND"
                + " next_run_at <= ? AND (lease_until IS NULL OR lease_until < ?)",
            node,
            leaseUntil,
            job,
            now,
            now)
        == 1;
  }

  /** The job ran: free it and make it due again at {@code next}, if {@code node} still holds it. */
  public boolean done(String job, String node, Instant next) {
    return sql.update(
            "UPDATE service_jobs SET owner_node = NULL, lease_until = NULL, next_run_at = ? WHERE"
                + " name = ? AND owner_node = ?",
            next,
            job,
            node)
        == 1;
  }

  /** Frees the jobs a stopping node holds, still due, for another node to take at once. */
  public void release(String node) {
    sql.update(
        "UPDATE service_jobs SET owner_node = NULL, lease_until = NULL WHERE owner_node = ?", node);
  }
}
