package org.globustimer.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.server.auth.AuthSettings;
import org.globustimer.server.auth.Authenticator;
import org.globustimer.server.auth.Identity;

/** {@code /dashboard/session}: who is signed in, signing in with a token, and signing out. */
final class SessionRoutes {

  private final DashboardSessions sessions;
  private final Authenticator authenticator;
  private final AuthSettings auth;
  private final String oidcIssuer;

  /** {@code oidcIssuer}: where the dashboard signs in, or null when it signs in by token only. */
  SessionRoutes(
      DashboardSessions sessions,
      Authenticator authenticator,
      AuthSettings auth,
      String oidcIssuer) {
    this.sessions = sessions;
    this.authenticator = authenticator;
    this.auth = auth;
    this.oidcIssuer = oidcIssuer;
  }

  void session(Context ctx) {
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
    if (oidcIssuer != null) {
      methods.put("oidc_issuer", oidcIssuer);
    } else {
      methods.putNull("oidc_issuer");
    }
    ctx.contentType("application/json").result(body.toString());
  }

  void signIn(Context ctx) {
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

  void signOut(Context ctx) {
    StaticAssets.securityHeaders(ctx);
    Optional<DashboardSessions.Session> session = sessions.open(ctx);
    if (session.isPresent() && !Dashboard.csrfMatches(ctx, session.get())) {
      throw ServiceException.forbidden("missing or wrong " + DashboardSessions.CSRF_HEADER);
    }
    sessions.end(ctx);
    ctx.status(204);
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
