package org.globustimer.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.server.auth.Authenticator;
import org.globustimer.server.config.Settings;
import org.globustimer.server.credentials.ProviderCredentials;
import org.globustimer.server.dashboard.Dashboard;
import org.globustimer.server.dashboard.DashboardSessions;
import org.globustimer.server.store.TimerStore;

/**
 * Builds the service's HTTP face: routes, the bearer check, and one mapping of errors to bodies.
 */
public final class HttpApi {

  public static final String TRANSFER_RUN_PATH = "/transfer/transfer/run";

  private static final BuildInfo BUILD = BuildInfo.current();

  private HttpApi() {}

  /** What the HTTP layer needs from the rest of the service. */
  public record Parts(
      Settings settings,
      TimerStore store,
      Authenticator authenticator,
      UrlPolicy urls,
      String transferRunUrl,
      Runnable wakeEngine,
      BooleanSupplier storeAvailable,
      String nodeId,
      Clock clock,
      ProviderCredentials credentials,
      DashboardSessions sessions,
      BiConsumer<Javalin, Function<Context, String>> extraRoutes) {}

  /**
   * Starts listening, with no routes yet, on {@code port} (0: one the system picks; read it back
   * with {@link Javalin#port()}), so that the service's own URL is known before it is wired.
   */
  public static Javalin listen(String bind, int port) {
    return Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.useVirtualThreads = true;
              config.router.ignoreTrailingSlashes = true;
              config.http.defaultContentType = "application/json";
              // Beyond our own limit a body is refused unread with 413; up to it, with a 422.
              config.http.maxRequestSize = 4L * Limits.BODY_BYTES;
              config.jetty.modifyHttpConfiguration(
                  http -> http.setRequestHeaderSize(JettyErrors.REQUEST_HEADER_BYTES));
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            })
        .start(bind, port);
  }

  /** Adds the routes, the bearer check and the error mapping to a listening {@code app}. */
  public static void mount(Javalin app, Parts parts) {
    Auth auth = new Auth(parts.authenticator(), parts.sessions());
    app.before(ctx -> ctx.header(BuildInfo.VERSION_HEADER, BUILD.version().toString()));
    app.before(auth::check);
    app.before(QueryParams::checkLengths);
    ServiceRoutes.mount(app, parts);
    app.get("/.well-known/globus-timer", ctx -> Discovery.answer(ctx, parts));
    new ContractRoutes().mount(app);
    JobRequests requests =
        new JobRequests(parts.settings(), parts.urls(), parts.clock(), parts.transferRunUrl());
    new JobsApi(parts.store(), requests, parts.wakeEngine(), parts.clock(), parts.credentials())
        .mount(app);
    new CredentialsApi(parts.credentials()).mount(app);
    new Dashboard(
            parts.sessions(),
            parts.authenticator(),
            parts.settings().auth(),
            parts.store(),
            ctx -> baseUrl(ctx, parts.settings()),
            Auth::owner)
        .mount(app);
    if (parts.extraRoutes() != null) {
      parts.extraRoutes().accept(app, Auth::owner);
    }
    ErrorMapper.install(app);
  }

  /** The URL clients use to reach us: the configured public URL, else what the request names. */
  static String baseUrl(Context ctx, Settings settings) {
    if (!settings.publicUrl().isBlank()) {
      return settings.publicUrl();
    }
    String host = ctx.host();
    return ctx.scheme() + "://" + (host == null ? "127.0.0.1:" + settings.port() : host);
  }
}
