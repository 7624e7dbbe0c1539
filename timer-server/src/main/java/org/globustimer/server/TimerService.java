package org.globustimer.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.server.api.HttpApi;
import org.globustimer.server.api.UrlPolicy;
import org.globustimer.server.auth.Authenticators;
import org.globustimer.server.auth.LocalTokens;
import org.globustimer.server.config.Settings;
import org.globustimer.server.credentials.ProviderCredentials;
import org.globustimer.server.dashboard.DashboardSessions;
import org.globustimer.server.engine.ActionRouter;
import org.globustimer.server.engine.ClockScheduler;
import org.globustimer.server.engine.Engine;
import org.globustimer.server.engine.EngineConfig;
import org.globustimer.server.engine.ServiceJob;
import org.globustimer.server.engine.TaskScheduler;
import org.globustimer.server.metrics.EngineMetrics;
import org.globustimer.server.metrics.OpsRoutes;
import org.globustimer.server.metrics.ServiceMetrics;
import org.globustimer.server.notify.Delivery;
import org.globustimer.server.notify.NotificationRoutes;
import org.globustimer.server.notify.Notifications;
import org.globustimer.server.store.TimerStore;
import org.globustimer.server.upgrade.SchemaUpgrade;
import org.globustimer.transfer.TransferModule;

/**
 * The whole service, wired in one place: store, local identity, transfer provider, HTTP API and
 * engine. {@link #start} returns once it is listening and firing; {@link #close} stops it cleanly.
 */
public final class TimerService implements AutoCloseable {

  private final Settings settings;
  private final TimerStore store;
  private final TransferModule transfer;
  private final Engine engine;
  private final ServiceMetrics metrics;
  private final Delivery delivery;
  private final Javalin http;
  private final String url;

  private TimerService(
      Settings settings,
      TimerStore store,
      TransferModule transfer,
      Engine engine,
      ServiceMetrics metrics,
      Delivery delivery,
      Javalin http,
      String url) {
    this.settings = settings;
    this.store = store;
    this.transfer = transfer;
    this.engine = engine;
    this.metrics = metrics;
    this.delivery = delivery;
    this.http = http;
    this.url = url;
  }

  public static TimerService start(Settings settings, Clock clock) {
    return start(settings, clock, new ClockScheduler(clock));
  }

  /**
   * Starts the service with its engine's work run by {@code scheduler} (tests pass a manual one).
   */
  public static TimerService start(Settings settings, Clock clock, TaskScheduler scheduler) {
    createDirectories(settings.home());
    SchemaUpgrade.prepare(settings, clock);
    TimerStore store =
        TimerStore.open(
            settings.databaseUrl(),
            settings.databaseUser(),
            settings.databasePassword(),
            settings.databasePoolSize());
    LocalTokens localTokens = LocalTokens.prepare(store, settings.home(), clock);
    TransferModule transfer = BuiltInTransfer.open(settings, store, localTokens, clock);

    Javalin http = HttpApi.listen(settings.bind(), settings.port());
    try {
      return wire(settings, clock, scheduler, store, localTokens, transfer, http);
    } catch (RuntimeException e) {
      http.stop();
      throw e;
    }
  }

  private static TimerService wire(
      Settings settings,
      Clock clock,
      TaskScheduler scheduler,
      TimerStore store,
      LocalTokens localTokens,
      TransferModule transfer,
      Javalin http) {
    int port = http.port();
    String url = "http://" + hostForUrls(settings.bind()) + ":" + port;
    String transferRunUrl =
        (settings.publicUrl().isBlank() ? url : settings.publicUrl()) + HttpApi.TRANSFER_RUN_PATH;
    List<String> builtInRunUrls = new ArrayList<>(settings.transferAliases());
    builtInRunUrls.add(transferRunUrl);
    builtInRunUrls.add("http://127.0.0.1:" + port + HttpApi.TRANSFER_RUN_PATH);
    ProviderCredentials credentials =
        new ProviderCredentials(
            settings.providers(), settings.auth().oidcIssuer(), store, transfer.sealer(), clock);
    ActionRouter router =
        new ActionRouter(
            transfer.provider(), builtInRunUrls, settings.allowedActionUrls(), credentials);
    ServiceMetrics metrics = new ServiceMetrics(store, settings.nodeId());
    Notifications notifications =
        new Notifications(
            settings.notifications(),
            clock,
            settings.publicUrl().isBlank() ? url : settings.publicUrl());
    Engine engine =
        new Engine(
            new EngineConfig(
                store,
                router,
                clock,
                scheduler,
                settings.nodeId(),
                url,
                settings.claimHorizon(),
                settings.lease(),
                settings.resultRetention(),
                settings.runTimeout(),
                new EngineMetrics(metrics),
                notifications,
                List.of(
                    new ServiceJob(
                        "transfer_release", Duration.ofMinutes(1), transfer.handReleaseSweep()))));
    UrlPolicy urls = new UrlPolicy(settings.allowedActionUrls(), router::isBuiltIn);
    HttpApi.mount(
        http,
        new HttpApi.Parts(
            settings,
            store,
            Authenticators.from(settings.auth(), localTokens, clock),
            urls,
            transferRunUrl,
            engine::wake,
            engine::storeAvailable,
            settings.nodeId(),
            clock,
            credentials,
            new DashboardSessions(
                transfer.sealer(), clock, settings.publicUrl().startsWith("https://")),
            (app, owner) -> {
              transfer.mount(app, owner);
              new NotificationRoutes(store).mount(app, owner);
              new OpsRoutes(metrics, store.readDataSource(), engine::claiming, settings.nodeId())
                  .mount(app);
            }));
    engine.start();
    Delivery delivery =
        new Delivery(
            settings.notifications(),
            store,
            clock,
            settings.nodeId(),
            outcome ->
                metrics.count(
                    "notifications", "Notification deliveries by outcome", "outcome", outcome));
    return new TimerService(settings, store, transfer, engine, metrics, delivery, http, url);
  }

  /** The HTTP server, for tests that look at its routes. */
  public Javalin app() {
    return http;
  }

  public String url() {
    return url;
  }

  public int port() {
    return http.port();
  }

  public TimerStore store() {
    return store;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Stops: takes no more requests and claims no more work, lets work under way finish within the
   * {@code drain_seconds} setting, then hands what is left back to the other nodes and gives up
   * every claim and lease.
   */
  @Override
  public void close() {
    long end = System.nanoTime() + settings.drain().toNanos();
    http.stop();
    engine.close(left(end));
    delivery.close(left(end));
    metrics.close();
    transfer.close(left(end));
    store.close();
  }

  private static Duration left(long endNanos) {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  private static String hostForUrls(String bind) {
    return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
  }

  private static void createDirectories(Path home) {
    try {
      Files.createDirectories(home.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the service's home " + home, e);
    }
  }
}
