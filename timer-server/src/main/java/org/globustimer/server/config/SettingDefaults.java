package org.globustimer.server.config;

import java.util.HashMap;
import java.util.Map;

/** Every setting the service knows, with its default; a key not here is refused. */
final class SettingDefaults {

  private static final Map<String, String> BASE_DEFAULTS =
      Map.ofEntries(
          Map.entry("port", String.valueOf(Settings.DEFAULT_PORT)),
          Map.entry("bind", "127.0.0.1"),
          Map.entry("database_url", ""),
          Map.entry("database_user", ""),
          Map.entry("database_password", ""),
          Map.entry("database_pool_size", "16"),
          Map.entry("public_url", ""),
          Map.entry("node_id", ""),
          Map.entry("min_interval_seconds", "1"),
          Map.entry("max_interval_seconds", String.valueOf(366L * 86_400)),
          Map.entry("max_start_ahead_days", "366"),
          Map.entry("result_retention_days", "90"),
          Map.entry("allowed_action_urls", "*"),
          Map.entry(
              "transfer_aliases", "https://actions.automate.globus.org/transfer/transfer/run"),
          Map.entry("claim_horizon_ms", "2000"),
          Map.entry("lease_seconds", "30"),
          Map.entry("drain_seconds", "10"),
          Map.entry(
              "run_timeout_seconds",
              String.valueOf(SettingsLoader.RUN_TIMEOUT_DEFAULT.toSeconds())),
          Map.entry("local_token", "true"),
          Map.entry("oidc_issuer", ""),
          Map.entry("oidc_audience", ""),
          Map.entry("oidc_required_scope", ""),
          Map.entry("oidc_client_id", ""),
          Map.entry("oidc_login_scopes", ""),
          Map.entry("introspection_url", ""),
          Map.entry("introspection_client_id", ""),
          Map.entry("introspection_client_secret", ""),
          Map.entry("introspection_cache_seconds", "30"),
          Map.entry("admin_identities", ""),
          Map.entry("multi_user", "false"),
          Map.entry("secret_key_file", ""));

  static final Map<String, String> DEFAULTS = withNotifyDefaults();

  private static Map<String, String> withNotifyDefaults() {
    Map<String, String> all = new HashMap<>(BASE_DEFAULTS);
    all.putAll(NotifySettingsLoader.DEFAULTS);
    return Map.copyOf(all);
  }

  private SettingDefaults() {}
}
