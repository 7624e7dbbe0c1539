package org.globustimer.benchpeers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.benchpeers.Postgres.Database;

/**
 * db-scheduler on its {@code scheduled_tasks} table: one task whose instances are the jobs; each
 * execution calls the action and reschedules itself to its job's next tick (fixed rate from the
 * job's own start, missed ticks skipped). {@code tuned}: 1 s poll, lock-and-fetch, 20 threads;
 * otherwise the library's defaults.
 */
final class DbSchedulerPeer implements Contender {

  private final boolean tuned;

  DbSchedulerPeer(boolean tuned) {
    this.tuned = tuned;
  }

  @Override
  public String name() {
    return tuned ? "db-scheduler tuned" : "db-scheduler default";
  }

  /** The persistent data of one job instance. */
  record Job(int index) implements Serializable {}

  @Override
  public AutoCloseable deploy(Database database, Workload workload, int nodes, String runUrl)
      throws Exception {
    createTable(database);
    ActionCall action = new ActionCall(runUrl);
    CustomTask<Job> task =
        Tasks.custom("fire", Job.class)
            .execute(
                (instance, context) -> {
                  int job = instance.getData().index();
                  action.fire(job, context.getExecution().executionTime);
                  return (CompletionHandler<Job>)
                      (complete, operations) ->
                          operations.reschedule(
                              complete,
                              workload.nextTickAfter(
                                  job, max(complete.getExecution().executionTime, Instant.now())));
                });
    List<HikariDataSource> pools = new ArrayList<>();
    List<Scheduler> schedulers = new ArrayList<>();
    for (int node = 1; node <= nodes; node++) {
      HikariDataSource pool = DataSources.pool(database, "dbs-n" + node);
      pools.add(pool);
      SchedulerBuilder builder =
          Scheduler.create(pool, task).schedulerName(new SchedulerName.Fixed("n" + node));
      if (tuned) {
        builder.threads(20).pollingInterval(Duration.ofSeconds(1)).pollUsingLockAndFetch(0.5, 1.0);
      }
      schedulers.add(builder.build());
    }
    List<SchedulableInstance<?>> instances = new ArrayList<>();
    for (int job = 0; job < workload.jobs(); job++) {
      instances.add(
          SchedulableInstance.of(task.instance("job-" + job, new Job(job)), workload.start(job)));
    }
    schedulers.getFirst().scheduleBatch(instances);
    schedulers.forEach(Scheduler::start);
    return () -> {
      schedulers.forEach(Scheduler::stop);
      pools.forEach(HikariDataSource::close);
    };
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void createTable(Database database) throws Exception {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE TABLE scheduled_tasks (
            task_name TEXT NOT NULL,
            task_instance TEXT NOT NULL,
            task_data BYTEA,
            execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
            picked BOOLEAN NOT NULL,
            picked_by TEXT,
            last_success TIMESTAMP WITH TIME ZONE,
            last_failure TIMESTAMP WITH TIME ZONE,
            consecutive_failures INT,
            last_heartbeat TIMESTAMP WITH TIME ZONE,
            version BIGINT NOT NULL,
            priority SMALLINT,
            PRIMARY KEY (task_name, task_instance))""");
      s.execute("CREATE INDEX ON scheduled_tasks (execution_time)");
      s.execute("CREATE INDEX ON scheduled_tasks (last_heartbeat)");
      s.execute("CREATE INDEX ON scheduled_tasks (priority DESC, execution_time ASC)");
    }
  }
}
