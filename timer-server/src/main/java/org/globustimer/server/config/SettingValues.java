package org.globustimer.server.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns a setting's text into a checked value; a bad value names its key. */
final class SettingValues {

  private SettingValues() {}

  static int intValue(Map<String, String> v, String key, int min, int max) {
    long value = longValue(v, key);
    if (value < min || value > max) {
      throw new SettingsException(key + " must be between " + min + " and " + max);
    }
    return (int) value;
  }

  static long longValue(Map<String, String> v, String key) {
    try {
      return Long.parseLong(v.get(key).trim());
    } catch (NumberFormatException e) {
      throw new SettingsException(key + " must be a whole number, not '" + v.get(key) + "'");
    }
  }

  static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
