package org.globustimer.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads the settings of a {@code config.properties} file. */
final class ConfigFile {

  private ConfigFile() {}

  /** The settings in a properties file, none if it is absent; an unknown key is refused. */
  static Map<String, String> read(Path file) {
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
