package org.globustimer.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.server.auth.AuthSettings;
import org.globustimer.server.auth.Authenticator;
import org.globustimer.server.auth.Identity;
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

  private final DashboardSessions sessions;
  private final Authenticator authenticator;
  private final AuthSettings auth;
  private final OidcLogin oidc;
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
    this.sessions = sessions;
    this.nextRuns = new NextRuns(store, owner);
    this.authenticator = authenticator;
    this.auth = auth;
    this.oidc =
        auth.login()
            .map(login -> new OidcLogin(login, authenticator, sessions, baseUrl))
            .orElse(null);
  }

  public void mount(Javalin app) {
    app.get("/", ctx -> ctx.redirect("/dashboard/", HttpStatus.SEE_OTHER));
    app.get("/dashboard", ctx -> assets.page(ctx));
    app.get("/dashboard/assets/{name}", ctx -> assets.asset(ctx, ctx.pathParam("name")));
    app.get("/dashboard/session", this::session);
    app.post("/dashboard/session", this::signIn);
    app.delete("/dashboard/session", this::signOut);
    app.get(OidcLogin.START_PATH, this::startLogin);
    app.get(OidcLogin.CALLBACK_PATH, this::finishLogin);
    app.get(NextRuns.PATH, nextRuns::answer);
  }

  private void session(Context ctx) {
    StaticAssets.securityHeaders(ctx);
    ctx.header("Cache-Control", "no-store");
    ObjectNode body = Json.mapper().createObjectNode();
    Optional<DashboardSessions.Session> session = sessions.open(ctx);
    Optional<Identity> identity = session.flatMap(s -> authenticator.authenticate(s.token()));
    body.put("signed_in", identity.isPresent());
    if (identity.isPresent()) {
      body.put("username", identity.get().username());
      body.put("principal", identity.get().principal());
      body.put("admin", identity.get().admin());
      body.put("csrf_token", session.get().csrf());
      body.put("expires_at", session.get().expiresAt().toString());
    }
    ObjectNode methods = body.putObject("sign_in");
    methods.put("token", auth.localToken());
    if (oidc != null) {
      methods.put("oidc_issuer", oidc.issuer());
    } else {
      methods.putNull("oidc_issuer");
    }
    ctx.contentType("application/json").result(body.toString());
  }

  private void signIn(Context ctx) {
    StaticAssets.securityHeaders(ctx);
    ctx.header("Cache-Control", "no-store");
    if (!sameOrigin(ctx)) {
      throw ServiceException.forbidden("sign-in must come from the dashboard's own page");
    }
    if (!auth.localToken()) {
      throw ServiceException.forbidden("this service signs in through its identity provider only");
    }
    String contentType = ctx.contentType() == null ? "" : ctx.contentType();
    if (!contentType.startsWith("application/json")) {
      throw new ServiceException(
          415, "UNSUPPORTED_MEDIA_TYPE", "send the token as JSON: {\"token\": \"...\"}");
    }
    String token;
    try {
      JsonNode body = Json.mapper().readTree(ctx.body());
      token = body == null ? "" : body.path("token").asText("").trim();
    } catch (java.io.IOException e) {
      token = "";
    }
    if (token.isEmpty()) {
      throw new ServiceException(
          422, "INVALID_REQUEST", "enter the access token (globus-timer server token)");
    }
    if (authenticator.authenticate(token).isEmpty()) {
      throw ServiceException.unauthorized("that token is not valid here; check it and try again");
    }
    sessions.start(ctx, token, DashboardSessions.DEFAULT_LIFETIME);
    ctx.status(204);
  }

  private void signOut(Context ctx) {
    StaticAssets.securityHeaders(ctx);
    Optional<DashboardSessions.Session> session = sessions.open(ctx);
    if (session.isPresent() && !csrfMatches(ctx, session.get())) {
      throw ServiceException.forbidden("missing or wrong " + DashboardSessions.CSRF_HEADER);
    }
    sessions.end(ctx);
    ctx.status(204);
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

  /** A browser names the page's origin on every POST; it must be ours. */
  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true;
    }
    String host = ctx.header("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
