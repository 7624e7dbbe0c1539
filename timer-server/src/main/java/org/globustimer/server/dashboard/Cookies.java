package org.globustimer.server.dashboard;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * Writes the dashboard's cookies: never readable by scripts, never sent cross-site beyond what
 * {@code sameSite} allows, and Secure whenever the browser reached us over HTTPS (directly or
 * through a proxy that says so).
 */
final class Cookies {

  private Cookies() {}

  static void set(
      Context ctx,
      String name,
      String value,
      String path,
      Duration maxAge,
      String sameSite,
      boolean httpsPublicUrl) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path="
                + path
                + "; Max-Age="
                + maxAge.toSeconds()
                + "; HttpOnly; SameSite="
                + sameSite
                + (httpsPublicUrl || secure(ctx) ? "; Secure" : ""));
  }

  static void clear(
      Context ctx, String name, String path, String sameSite, boolean httpsPublicUrl) {
    set(ctx, name, "", path, Duration.ZERO, sameSite, httpsPublicUrl);
  }

  static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
