package org.globustimer.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * Gauges of the store's connection pool, read at scrape time; none for a pool other than Hikari.
 */
final class PoolGauges {

  private PoolGauges() {}

  /** The pool's figures under the names HikariCP's own Micrometer tracker uses. */
  static void bind(MeterRegistry registry, DataSource dataSource) {
    if (!(dataSource instanceof HikariDataSource hikari)) {
      return;
    }
    Tags pool = Tags.of("pool", String.valueOf(hikari.getPoolName()));
    poolGauge(
        registry,
        hikari,
        "hikaricp.connections.active",
        pool,
        HikariPoolMXBean::getActiveConnections);
    poolGauge(
        registry, hikari, "hikaricp.connections.idle", pool, HikariPoolMXBean::getIdleConnections);
    poolGauge(
        registry,
        hikari,
        "hikaricp.connections.pending",
        pool,
        HikariPoolMXBean::getThreadsAwaitingConnection);
    poolGauge(
        registry, hikari, "hikaricp.connections", pool, HikariPoolMXBean::getTotalConnections);
    Gauge.builder("hikaricp.connections.max", hikari, HikariDataSource::getMaximumPoolSize)
        .tags(pool)
        .register(registry);
  }

  private static void poolGauge(
      MeterRegistry registry,
      HikariDataSource hikari,
      String name,
      Tags tags,
      ToDoubleFunction<HikariPoolMXBean> figure) {
    Gauge.builder(
            name,
            hikari,
            h ->
                h.getHikariPoolMXBean() == null
                    ? Double.NaN
                    : figure.applyAsDouble(h.getHikariPoolMXBean()))
        .tags(tags)
        .register(registry);
  }
}
