package org.globustimer.server.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Groups the {@code provider.<name>.<field>} settings by provider, checking names and fields. */
final class ProviderKeys {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Set<String> FIELDS =
      Set.of("url", "credential", "scopes", "audience", "token_url", "client_id", "client_secret");

  private ProviderKeys() {}

  /** Each provider's fields by name, providers in name order. */
  static Map<String, Map<String, String>> byName(Map<String, String> values) {
    Map<String, Map<String, String>> byName = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!ProviderSettingsLoader.isProviderKey(e.getKey())) {
        continue;
      }
      String rest = e.getKey().substring(ProviderSettingsLoader.PREFIX.length());
      int dot = rest.lastIndexOf('.');
      String name = dot < 0 ? "" : rest.substring(0, dot);
      String field = dot < 0 ? rest : rest.substring(dot + 1);
      if (!NAME.matcher(name).matches()) {
        throw new SettingsException(
            "setting '"
                + e.getKey()
                + "': a provider's name is 1-64 lower-case letters, digits, '-' or '_', as in"
                + " provider.lab-actions.url");
      }
      if (!FIELDS.contains(field)) {
        throw new SettingsException(
            "unknown setting '"
                + e.getKey()
                + "'; a provider takes: "
                + String.join(", ", FIELDS.stream().sorted().toList()));
      }
      byName.computeIfAbsent(name, n -> new TreeMap<>()).put(field, e.getValue().trim());
    }
    return byName;
  }
}
