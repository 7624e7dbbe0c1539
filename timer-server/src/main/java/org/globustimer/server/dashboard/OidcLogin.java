package org.globustimer.server.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.globustimer.server.auth.AuthSettings.LoginAdvert;
import org.globustimer.server.auth.Authenticator;
import org.globustimer.server.auth.IssuerMetadata;

/**
 * Signing in to the dashboard at the OpenID Connect issuer: the authorization code flow with PKCE
 * (S256). The state and code verifier wait in a short-lived sealed cookie scoped to the login
 * paths; the code is exchanged here, server-side, and the access token never reaches a URL.
 */
final class OidcLogin {

  static final String START_PATH = "/dashboard/login";
  static final String CALLBACK_PATH = "/dashboard/login/callback";

  private final LoginAdvert login;
  private final Authenticator authenticator;
  private final DashboardSessions sessions;
  private final Function<Context, String> baseUrl;
  private final LoginIssuer loginIssuer;

  OidcLogin(
      LoginAdvert login,
      Authenticator authenticator,
      DashboardSessions sessions,
      Function<Context, String> baseUrl) {
    this.login = login;
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.baseUrl = baseUrl;
    this.loginIssuer = new LoginIssuer(login);
  }

  String issuer() {
    return login.issuer();
  }

  void start(Context ctx) {
    IssuerMetadata metadata = loginIssuer.metadata();
    if (metadata == null || metadata.authorizationEndpoint() == null) {
      failed(ctx, "the sign-in service cannot be reached; try again shortly");
      return;
    }
    PendingLogin pending = PendingLogin.begin(ctx, sessions);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", login.clientId());
    query.put("redirect_uri", redirectUri(ctx));
    query.put("scope", String.join(" ", login.scopes()));
    query.put("state", pending.state());
    query.put("code_challenge", Pkce.challenge(pending.verifier()));
    query.put("code_challenge_method", "S256");
    String separator = metadata.authorizationEndpoint().getRawQuery() == null ? "?" : "&";
    ctx.redirect(
        metadata.authorizationEndpoint() + separator + Pkce.form(query), HttpStatus.SEE_OTHER);
  }

  void callback(Context ctx) {
    Optional<PendingLogin> pending = PendingLogin.read(ctx, sessions);
    PendingLogin.clear(ctx, sessions);
    String error = ctx.queryParam("error");
    if (error != null) {
      String description = ctx.queryParam("error_description");
      failed(ctx, "the sign-in service refused: " + (description == null ? error : description));
      return;
    }
    String state = ctx.queryParam("state");
    String code = ctx.queryParam("code");
    if (pending.isEmpty()
        || state == null
        || code == null
        || !MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8),
            pending.get().state().getBytes(StandardCharsets.UTF_8))) {
      failed(ctx, "this sign-in was not started here or took too long; sign in again");
      return;
    }
    Optional<TokenGrant> grant =
        loginIssuer.exchange(code, redirectUri(ctx), pending.get().verifier());
    if (grant.isEmpty()) {
      failed(ctx, "the sign-in service did not give an access token; sign in again");
      return;
    }
    if (authenticator.authenticate(grant.get().accessToken()).isEmpty()) {
      failed(ctx, "the access token from the sign-in service is not accepted by this service");
      return;
    }
    sessions.start(ctx, grant.get().accessToken(), grant.get().lifetime());
    ctx.redirect("/dashboard/", HttpStatus.SEE_OTHER);
  }

  private String redirectUri(Context ctx) {
    return baseUrl.apply(ctx) + CALLBACK_PATH;
  }

  /** Back to the sign-in page with a message; the message is words for people, never a secret. */
  private static void failed(Context ctx, String message) {
    ctx.redirect(
        "/dashboard/#/signin?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }
}
