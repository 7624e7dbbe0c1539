package org.globustimer.transfer.copy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Shell-style name globs: '*', '?', '[...]' (with '!' or '^' negation). */
final class Glob {

  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Glob() {}

  static boolean matches(String glob, String name) {
    return CACHE.computeIfAbsent(glob, Glob::compile).matcher(name).matches();
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            if (body.startsWith("!") || body.startsWith("^")) {
              body = "^" + body.substring(1);
            }
            re.append('[').append(body.replace("\\", "\\\\")).append(']');
            i = end;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
