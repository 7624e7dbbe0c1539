package org.globustimer.cli.http;

import java.net.URI;
import org.globustimer.cli.session.TokenSource;

/** A resolved service: its base URL, whether it is the local service, and its token. */
public record Connection(URI url, boolean local, TokenSource tokens) {

  /** The URL of a path on this service; {@code path} starts with a slash. */
  public URI resolve(String path) {
    String base = url.toString();
    return URI.create(
        base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
  }
}
