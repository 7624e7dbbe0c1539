package org.globustimer.server.config;

import java.util.HashMap;
import java.util.Map;

/** Reads the settings given as command-line flags. */
final class FlagArgs {

  private FlagArgs() {}

  /** {@code --key value} and {@code --key=value} flags, keys with dashes as underscores. */
  static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new SettingsException(
            "unexpected argument '" + arg + "'; options look like --port 8723");
      }
      String key = arg.substring(2);
      String value;
      int equals = key.indexOf('=');
      if (equals >= 0) {
        value = key.substring(equals + 1);
        key = key.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new SettingsException("option " + arg + " needs a value");
      }
      flags.put(key.replace('-', '_'), value);
    }
    return flags;
  }
}
