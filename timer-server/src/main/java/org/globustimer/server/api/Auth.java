package org.globustimer.server.api;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.globustimer.core.error.ServiceException;
import org.globustimer.server.auth.Authenticator;
import org.globustimer.server.auth.Identity;
import org.globustimer.server.dashboard.Dashboard;
import org.globustimer.server.dashboard.DashboardSessions;
import org.globustimer.server.metrics.OpsRoutes;

/** The bearer-token check in front of every route but the public ones. */
final class Auth {

  private static final String IDENTITY = "globustimer.identity";
  private static final String TOKEN = "globustimer.token";
  private static final Set<String> PUBLIC_PATHS = Set.of("/health", "/.well-known/globus-timer");

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final Authenticator authenticator;
  private final DashboardSessions sessions;

  Auth(Authenticator authenticator, DashboardSessions sessions) {
    this.authenticator = authenticator;
    this.sessions = sessions;
  }

  void check(Context ctx) {
    String path =
        ctx.path().endsWith("/") && ctx.path().length() > 1
            ? ctx.path().substring(0, ctx.path().length() - 1)
            : ctx.path();
    if (PUBLIC_PATHS.contains(path)
        || OpsRoutes.PATHS.contains(path)
        || Dashboard.isPublic(path)
        || ContractRoutes.PUBLIC_PATHS.contains(path)
        || path.startsWith(ContractRoutes.ASSETS_PREFIX)) {
      return;
    }
    String header = ctx.header("Authorization");
    if ((header == null || header.isBlank()) && sessions != null) {
      Optional<DashboardSessions.Session> session = sessions.open(ctx);
      if (session.isPresent()) {
        fromSession(ctx, session.get());
        return;
      }
    }
    if (header == null || header.isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw ServiceException.unauthorized(
          "missing Authorization header; send 'Authorization: Bearer <token>'"
              + " (for the local service: globus-timer server token)");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw ServiceException.unauthorized("the Authorization header must be 'Bearer <token>'");
    }
    String token = header.substring(7).trim();
    Optional<Identity> identity = authenticator.authenticate(token);
    if (identity.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw ServiceException.unauthorized("the access token is invalid or expired; log in again");
    }
    ctx.attribute(IDENTITY, identity.get());
    ctx.attribute(TOKEN, token);
  }

  /**
   * The dashboard's cookie stands in for the bearer token; a browser sends cookies on its own, so a
   * changing request must also prove it comes from our page by repeating the session's CSRF token.
   */
  private void fromSession(Context ctx, DashboardSessions.Session session) {
    if (!SAFE_METHODS.contains(ctx.method().name()) && !Dashboard.csrfMatches(ctx, session)) {
      throw ServiceException.forbidden(
          "missing or wrong "
              + DashboardSessions.CSRF_HEADER
              + " header; reload the dashboard and try again");
    }
    Optional<Identity> identity = authenticator.authenticate(session.token());
    if (identity.isEmpty()) {
      throw ServiceException.unauthorized("the dashboard session has expired; sign in again");
    }
    ctx.attribute(IDENTITY, identity.get());
    ctx.attribute(TOKEN, session.token());
  }

  static Identity identity(Context ctx) {
    Identity identity = ctx.attribute(IDENTITY);
    if (identity == null) {
      throw ServiceException.unauthorized("not authenticated");
    }
    return identity;
  }

  /**
   * The caller's access token when an issuer made it (it may be exchanged there for a provider's
   * token); null for a local token, which must never leave the service.
   */
  static String issuerToken(Context ctx) {
    return identity(ctx).fromIssuer() ? ctx.attribute(TOKEN) : null;
  }

  static String owner(Context ctx) {
    return identity(ctx).principal();
  }
}
