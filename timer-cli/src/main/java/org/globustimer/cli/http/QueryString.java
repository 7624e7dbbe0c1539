package org.globustimer.cli.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Appends query parameters to a URI; a null value leaves its parameter out. */
final class QueryString {

  private QueryString() {}

  static URI append(URI uri, Map<String, String> query) {
    if (query == null || query.isEmpty()) {
      return uri;
    }
    StringJoiner joined = new StringJoiner("&", uri + "?", "");
    new LinkedHashMap<>(query)
        .forEach(
            (key, value) -> {
              if (value != null) {
                joined.add(encode(key) + "=" + encode(value));
              }
            });
    return URI.create(joined.toString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
