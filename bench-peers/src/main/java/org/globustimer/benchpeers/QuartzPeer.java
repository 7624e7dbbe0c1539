package org.globustimer.benchpeers;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.globustimer.benchpeers.Postgres.Database;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz, clustered JDBC job store (JobStoreTX) on its own tables: one durable job and one simple
 * repeat-forever trigger per job, starting at the job's start. Each node is a scheduler of the same
 * name (the cluster) with its own instance id, thread pool of 20 and connection pool.
 */
final class QuartzPeer implements Contender {

  private static final String CLUSTER = "bench";

  @Override
  public String name() {
    return "quartz";
  }

  @Override
  public AutoCloseable deploy(Database database, Workload workload, int nodes, String runUrl)
      throws Exception {
    createTables(database);
    ActionCall action = new ActionCall(runUrl);
    List<Scheduler> schedulers = new ArrayList<>();
    for (int node = 1; node <= nodes; node++) {
      Scheduler scheduler = new StdSchedulerFactory(properties(database, node)).getScheduler();
      // Nodes of one cluster share a name; the factory would hand back the first one again.
      SchedulerRepository.getInstance().remove(CLUSTER);
      scheduler.getContext().put("action", action);
      schedulers.add(scheduler);
    }
    Map<JobDetail, Set<? extends Trigger>> jobs = new java.util.HashMap<>();
    for (int job = 0; job < workload.jobs(); job++) {
      JobDetail detail =
          JobBuilder.newJob(Fire.class).withIdentity("job-" + job).usingJobData("i", job).build();
      Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity("tick-" + job)
              .startAt(Date.from(workload.start(job)))
              .withSchedule(
                  SimpleScheduleBuilder.simpleSchedule()
                      .withIntervalInMilliseconds(workload.intervalMillis())
                      .repeatForever())
              .build();
      jobs.put(detail, new HashSet<>(Set.of(trigger)));
    }
    schedulers.getFirst().scheduleJobs(jobs, true);
    for (Scheduler scheduler : schedulers) {
      scheduler.start();
    }
    return () -> {
      for (Scheduler scheduler : schedulers) {
        scheduler.shutdown(true);
      }
    };
  }

  /** The job: calls the action for its tick (the trigger's scheduled fire time). */
  public static final class Fire implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      try {
        ActionCall action = (ActionCall) context.getScheduler().getContext().get("action");
        action.fire(
            context.getMergedJobDataMap().getInt("i"), context.getScheduledFireTime().toInstant());
      } catch (SchedulerException | RuntimeException e) {
        throw new JobExecutionException(e);
      }
    }
  }

  private static Properties properties(Database database, int node) {
    String source = "ds" + node;
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", CLUSTER);
    p.setProperty("org.quartz.scheduler.instanceId", "n" + node);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "20");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", "20");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    p.setProperty("org.quartz.jobStore.dataSource", source);
    String prefix = "org.quartz.dataSource." + source + ".";
    p.setProperty(prefix + "provider", "hikaricp");
    p.setProperty(prefix + "driver", "org.postgresql.Driver");
    p.setProperty(prefix + "URL", database.url());
    p.setProperty(prefix + "user", database.user());
    p.setProperty(prefix + "password", database.password());
    p.setProperty(prefix + "maxConnections", String.valueOf(DataSources.POOL_SIZE));
    return p;
  }

  private static void createTables(Database database) throws Exception {
    String script;
    try (InputStream in =
        Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      for (String statement : script.split(";")) {
        String sql =
            statement.lines().filter(line -> !line.strip().startsWith("--")).toList().stream()
                .reduce("", (a, b) -> a + "\n" + b)
                .strip();
        if (!sql.isEmpty() && !sql.equalsIgnoreCase("commit")) {
          s.execute(sql);
        }
      }
    }
  }
}
