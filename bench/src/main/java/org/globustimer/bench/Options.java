package org.globustimer.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} options with defaults; an unknown key is an error. */
final class Options {

  private Options() {}

  static Map<String, String> parse(String[] args, Map<String, String> defaults) {
    Map<String, String> values = new HashMap<>(defaults);
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!defaults.containsKey(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: options " + defaults.keySet() + " each followed by a value");
      }
      values.put(key, args[i + 1]);
    }
    return values;
  }
}
