package org.globustimer.server.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.globustimer.server.auth.ActionUrls;

/**
 * Which action URLs timers may call: absolute http(s) URLs matching a configured prefix ("*" allows
 * any), and always the service's built-in providers.
 */
public record UrlPolicy(List<String> allowedPrefixes, Predicate<String> isBuiltIn) {

  /** Null when {@code url} may be called, else what is wrong with it. */
  public String problemWith(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "'" + url + "' is not a URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "must be an http or https URL, such as https://actions.example.org/run";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "'" + url + "' has no host";
    }
    if (isBuiltIn.test(url) || ActionUrls.allowed(allowedPrefixes, url)) {
      return null;
    }
    return "'"
        + url
        + "' is not an action URL this service may call; allowed: "
        + String.join(", ", allowedPrefixes);
  }
}
