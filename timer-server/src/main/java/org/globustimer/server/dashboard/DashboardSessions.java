package org.globustimer.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.globustimer.core.json.Json;
import org.globustimer.core.secret.Sealer;

/**
 * Browser sessions of the dashboard, kept in a sealed cookie rather than on the server, so any node
 * sharing the sealing key accepts them. The cookie holds the caller's access token, which is
 * checked again on every request, and the session's CSRF token, which every changing request must
 * repeat in {@link #CSRF_HEADER}.
 */
public final class DashboardSessions {

  public static final String COOKIE = "globus_timer_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

  /** A session the cookie carried: whose token, its CSRF token, and until when it holds. */
  public record Session(String token, String csrf, Instant expiresAt) {}

  private final Sealer sealer;
  private final Clock clock;
  private final boolean httpsPublicUrl;
  private final SecureRandom random = new SecureRandom();

  /** {@code httpsPublicUrl}: the service is published over HTTPS, so cookies are always Secure. */
  public DashboardSessions(Sealer sealer, Clock clock, boolean httpsPublicUrl) {
    this.sealer = sealer;
    this.clock = clock;
    this.httpsPublicUrl = httpsPublicUrl;
  }

  /** The session of this request's cookie, if it has one that opens and has not expired. */
  public Optional<Session> open(Context ctx) {
    return openSealed(ctx.cookie(COOKIE));
  }

  Optional<Session> openSealed(String sealed) {
    if (sealed == null || sealed.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode payload = Json.mapper().readTree(sealer.open(sealed));
      Session session =
          new Session(
              payload.path("token").asText(),
              payload.path("csrf").asText(),
              Instant.ofEpochSecond(payload.path("expires").asLong()));
      if (session.token().isBlank() || !clock.instant().isBefore(session.expiresAt())) {
        return Optional.empty();
      }
      return Optional.of(session);
    } catch (Sealer.UnopenableSecret | IOException e) {
      return Optional.empty();
    }
  }

  /** Starts a session for {@code token} and sets its cookie; answers the session. */
  Session start(Context ctx, String token, Duration lifetime) {
    Session session =
        new Session(
            token, randomToken(), clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS));
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("token", session.token());
    payload.put("csrf", session.csrf());
    payload.put("expires", session.expiresAt().getEpochSecond());
    Cookies.set(
        ctx, COOKIE, sealer.seal(payload.toString()), "/", lifetime, "Strict", httpsPublicUrl);
    return session;
  }

  void end(Context ctx) {
    Cookies.clear(ctx, COOKIE, "/", "Strict", httpsPublicUrl);
  }

  Sealer sealer() {
    return sealer;
  }

  Clock clock() {
    return clock;
  }

  boolean httpsPublicUrl() {
    return httpsPublicUrl;
  }

  String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
