package org.globustimer.server.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;
import java.util.function.Function;
import org.globustimer.server.auth.AuthSettings;
import org.globustimer.server.auth.Authenticator;
import org.globustimer.server.store.TimerStore;

/**
 * The web dashboard: its pages and scripts (served from the jar, nothing from elsewhere), and
 * signing in and out. Once signed in, the page calls the Timers API itself, with the session cookie
 * in place of a bearer token.
 */
public final class Dashboard {

  /**
   * Paths anyone may reach: the page, its assets and the sign-in routes check callers themselves.
   */
  public static boolean isPublic(String path) {
    return path.equals("/")
        || path.equals("/dashboard")
        || path.startsWith("/dashboard/assets/")
        || PUBLIC.contains(path);
  }

  private static final Set<String> PUBLIC =
      Set.of("/dashboard/session", OidcLogin.START_PATH, OidcLogin.CALLBACK_PATH);

  private final OidcLogin oidc;
  private final SessionRoutes sessionRoutes;
  private final StaticAssets assets = new StaticAssets();
  private final NextRuns nextRuns;

  /**
   * {@code baseUrl} is how browsers reach the service; {@code owner} names the signed-in caller of
   * an authenticated route.
   */
  public Dashboard(
      DashboardSessions sessions,
      Authenticator authenticator,
      AuthSettings auth,
      TimerStore store,
      Function<Context, String> baseUrl,
      Function<Context, String> owner) {
    this.nextRuns = new NextRuns(store, owner);
    this.oidc =
        auth.login()
            .map(login -> new OidcLogin(login, authenticator, sessions, baseUrl))
            .orElse(null);
    this.sessionRoutes =
        new SessionRoutes(sessions, authenticator, auth, oidc == null ? null : oidc.issuer());
  }

  public void mount(Javalin app) {
    app.get("/", ctx -> ctx.redirect("/dashboard/", HttpStatus.SEE_OTHER));
    app.get("/dashboard", ctx -> assets.page(ctx));
    app.get("/dashboard/assets/{name}", ctx -> assets.asset(ctx, ctx.pathParam("name")));
    app.get("/dashboard/session", sessionRoutes::session);
    app.post("/dashboard/session", sessionRoutes::signIn);
    app.delete("/dashboard/session", sessionRoutes::signOut);
    app.get(OidcLogin.START_PATH, this::startLogin);
    app.get(OidcLogin.CALLBACK_PATH, this::finishLogin);
    app.get(NextRuns.PATH, nextRuns::answer);
  }

  private void startLogin(Context ctx) {
    if (oidc == null) {
      ctx.redirect("/dashboard/", HttpStatus.SEE_OTHER);
      return;
    }
    oidc.start(ctx);
  }

  private void finishLogin(Context ctx) {
    if (oidc == null) {
      ctx.redirect("/dashboard/", HttpStatus.SEE_OTHER);
      return;
    }
    oidc.callback(ctx);
  }

  /** Whether a changing request repeats its session's CSRF token (compared in constant time). */
  public static boolean csrfMatches(Context ctx, DashboardSessions.Session session) {
    String sent = ctx.header(DashboardSessions.CSRF_HEADER);
    return sent != null
        && java.security.MessageDigest.isEqual(
            sent.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            session.csrf().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
