package org.globustimer.server.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Matches action URLs against configured prefixes by their parts, not their text: same scheme, host
 * and port, and a path under the prefix's path at a segment boundary. A URL with user info ({@code
 * https://allowed.example@elsewhere/}) never matches. "*" matches any http(s) URL.
 */
public final class ActionUrls {

  private ActionUrls() {}

  public static boolean allowed(List<String> prefixes, String url) {
    return prefixes.stream().anyMatch(prefix -> matches(prefix, url));
  }

  public static boolean matches(String prefix, String url) {
    URI target = parse(url);
    if (target == null || target.getRawUserInfo() != null || target.getHost() == null) {
      return false;
    }
    String scheme = target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return false;
    }
    if (prefix.equals("*")) {
      return true;
    }
    URI allowed = parse(prefix);
    if (allowed == null || allowed.getHost() == null || allowed.getRawUserInfo() != null) {
      return false;
    }
    return scheme.equals(allowed.getScheme().toLowerCase(Locale.ROOT))
        && target.getHost().equalsIgnoreCase(allowed.getHost())
        && port(target) == port(allowed)
        && underPath(path(allowed), path(target));
  }

  private static boolean underPath(String prefix, String path) {
    if (prefix.isEmpty() || prefix.equals("/") || path.equals(prefix)) {
      return true;
    }
    String folder = prefix.endsWith("/") ? prefix : prefix + "/";
    return path.startsWith(folder);
  }

  private static String path(URI uri) {
    String path = uri.normalize().getRawPath();
    return path == null ? "" : path;
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static URI parse(String text) {
    try {
      URI uri = new URI(text.trim());
      return uri.getScheme() == null ? null : uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
