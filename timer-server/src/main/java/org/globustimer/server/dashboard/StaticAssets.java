package org.globustimer.server.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The dashboard's page, scripts and styles, read once from the jar. */
final class StaticAssets {

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(js|css|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  void page(Context ctx) {
    securityHeaders(ctx);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(read("index.html"));
  }

  void asset(Context ctx, String name) {
    byte[] body = NAME.matcher(name).matches() ? read("assets/" + name) : null;
    if (body == null) {
      ctx.status(404).contentType("text/plain").result("no such dashboard file: " + name);
      return;
    }
    securityHeaders(ctx);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(body);
  }

  /**
   * Only our own scripts and styles run, the page cannot be framed, and nothing leaks a referrer.
   */
  static void securityHeaders(Context ctx) {
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private byte[] read(String name) {
    byte[] known = cache.get(name);
    if (known != null) {
      return known;
    }
    try (InputStream in = StaticAssets.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) {
        return null;
      }
      byte[] body = in.readAllBytes();
      cache.put(name, body);
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
