package org.globustimer.benchpeers;

import org.globustimer.benchpeers.Postgres.Database;

/** A scheduler under test: puts the workload's jobs into a fresh database and runs its nodes. */
interface Contender {

  String name();

  /**
   * Creates the workload's jobs, each calling {@code runUrl} at its ticks, and starts {@code nodes}
   * scheduler nodes on {@code database}; closing the result stops them.
   */
  AutoCloseable deploy(Database database, Workload workload, int nodes, String runUrl)
      throws Exception;
}
