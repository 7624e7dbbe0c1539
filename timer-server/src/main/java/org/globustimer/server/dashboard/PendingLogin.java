package org.globustimer.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.globustimer.core.json.Json;

/**
 * A sign-in under way: its state and code verifier, which wait in a short-lived sealed cookie
 * scoped to the login paths.
 */
record PendingLogin(String state, String verifier) {

  private static final String COOKIE = "globus_timer_login";
  private static final Duration PENDING = Duration.ofMinutes(10);

  /** A new login: fresh state and verifier, set in the cookie. */
  static PendingLogin begin(Context ctx, DashboardSessions sessions) {
    String state = sessions.randomToken();
    String verifier = sessions.randomToken();
    ObjectNode pending = Json.mapper().createObjectNode();
    pending.put("state", state);
    pending.put("verifier", verifier);
    pending.put("expires", sessions.clock().instant().plus(PENDING).getEpochSecond());
    Cookies.set(
        ctx,
        COOKIE,
        sessions.sealer().seal(pending.toString()),
        OidcLogin.START_PATH,
        PENDING,
        // Lax: the issuer's redirect back to us is a cross-site navigation that must carry it.
        "Lax",
        sessions.httpsPublicUrl());
    return new PendingLogin(state, verifier);
  }

  static void clear(Context ctx, DashboardSessions sessions) {
    Cookies.clear(ctx, COOKIE, OidcLogin.START_PATH, "Lax", sessions.httpsPublicUrl());
  }

  /** The login started here, while its cookie is intact and unexpired. */
  static Optional<PendingLogin> read(Context ctx, DashboardSessions sessions) {
    String sealed = ctx.cookie(COOKIE);
    if (sealed == null || sealed.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode pending = Json.mapper().readTree(sessions.sealer().open(sealed));
      Instant expires = Instant.ofEpochSecond(pending.path("expires").asLong());
      return sessions.clock().instant().isBefore(expires)
          ? Optional.of(
              new PendingLogin(pending.path("state").asText(), pending.path("verifier").asText()))
          : Optional.empty();
    } catch (RuntimeException | IOException e) {
      return Optional.empty();
    }
  }
}
