package org.globustimer.server.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Reads granted scopes from a space-separated {@code scope} string or an {@code scp} list. */
final class Scopes {

  private Scopes() {}

  static Set<String> granted(Object... claims) {
    Set<String> scopes = new HashSet<>();
    for (Object claim : claims) {
      if (claim instanceof String text) {
        scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
      } else if (claim instanceof Collection<?> list) {
        list.forEach(item -> scopes.add(String.valueOf(item)));
      }
    }
    scopes.remove("");
    return scopes;
  }
}
