package org.globustimer.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.globustimer.core.timer.TimerStatus;
import org.globustimer.server.store.TimerStore;

/**
 * The service's Prometheus metrics (through Micrometer): the engine's work as counters and a lag
 * histogram, the store's figures as gauges read at scrape time, the connection pool and the JVM.
 */
public final class ServiceMetrics implements AutoCloseable {

  private static final Duration[] LAG_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer lag;
  private final String nodeId;

  public ServiceMetrics(TimerStore store, String nodeId) {
    this.nodeId = nodeId;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    lag =
        Timer.builder("globus.timer.firing.lag")
            .description("How late ticks fired after their scheduled instant")
            .serviceLevelObjectives(LAG_BUCKETS)
            .register(registry);
    StoreFigures figures = new StoreFigures(store);
    for (TimerStatus status : TimerStatus.values()) {
      Gauge.builder("globus.timer.timers", figures, f -> f.timersWith(status))
          .description("Timers in the store by status")
          .tag("status", status.wire())
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("globus.timer.runs.in.progress", figures, StoreFigures::runsInProgress)
        .description("Runs whose action is still in progress at its provider")
        .strongReference(true)
        .register(registry);
    PoolGauges.bind(registry, store.dataSource());
    StoreMeters.bind(registry, store);
  }

  public void recordLag(Duration late) {
    lag.record(late.isNegative() ? Duration.ZERO : late);
  }

  /** Counts one of a named family, e.g. {@code firings} with {@code outcome=failed}. */
  public void count(String name, String description, String... tags) {
    Counter.builder("globus.timer." + name)
        .description(description)
        .tags(tags)
        .register(registry)
        .increment();
  }

  public void add(String name, String description, double amount, String... tags) {
    if (amount > 0) {
      Counter.builder("globus.timer." + name)
          .description(description)
          .tags(tags)
          .register(registry)
          .increment(amount);
    }
  }

  public String nodeId() {
    return nodeId;
  }

  /** The current figures in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
