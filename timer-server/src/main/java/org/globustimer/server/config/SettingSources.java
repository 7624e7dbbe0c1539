package org.globustimer.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads raw settings from the command line's flags and from a {@code config.properties} file. */
final class SettingSources {

  private SettingSources() {}

  /** {@code --key value} and {@code --key=value} flags, keys with dashes as underscores. */
  static Map<String, String> parseFlags(String[] args) {
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

  /** The settings in a properties file, none if it is absent; an unknown key is refused. */
  static Map<String, String> readConfigFile(Path file) {
    Map<String, String> values = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return values;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new SettingsException("cannot read " + file + ": " + e.getMessage());
    }
    for (String key : properties.stringPropertyNames()) {
      if (!SettingDefaults.DEFAULTS.containsKey(key)
          && !ProviderSettingsLoader.isProviderKey(key)) {
        throw new SettingsException("unknown setting '" + key + "' in " + file);
      }
      values.put(key, properties.getProperty(key).trim());
    }
    return values;
  }
}
