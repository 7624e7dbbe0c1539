package org.globustimer.server.config;

import static org.globustimer.server.config.SettingValues.intValue;
import static org.globustimer.server.config.SettingValues.list;
import static org.globustimer.server.config.SettingValues.longValue;
import static org.globustimer.server.config.SettingValues.stripSlash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.globustimer.server.auth.AuthSettings;

/**
 * Reads settings from, in rising precedence: defaults, {@code config.properties} in the home,
 * {@code GLOBUS_TIMER_<KEY>} environment variables, and {@code --key value} flags.
 */
public final class SettingsLoader {

  /** How long a run may stay in progress at its provider unless its timer says otherwise. */
  public static final Duration RUN_TIMEOUT_DEFAULT = Duration.ofHours(24);

  private SettingsLoader() {}

  public static Path defaultHome(Map<String, String> env) {
    String home = env.get("GLOBUS_TIMER_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "globus-timer");
  }

  /** Builds settings from flags and the environment; a bad value names its key. */
  public static Settings load(String[] args, Map<String, String> env) {
    Map<String, String> flags = FlagArgs.parse(args);
    Path home = flags.containsKey("home") ? Path.of(flags.remove("home")) : defaultHome(env);
    Map<String, String> values = new HashMap<>(SettingDefaults.DEFAULTS);
    values.putAll(ConfigFile.read(home.resolve("config.properties")));
    for (String key : SettingDefaults.DEFAULTS.keySet()) {
      String fromEnv = env.get("GLOBUS_TIMER_" + key.toUpperCase(Locale.ROOT));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      if (!SettingDefaults.DEFAULTS.containsKey(flag.getKey())
          && !ProviderSettingsLoader.isProviderKey(flag.getKey())) {
        throw new SettingsException(
            "unknown option --" + flag.getKey().replace('_', '-') + "; known: " + knownFlags());
      }
      values.put(flag.getKey(), flag.getValue());
    }
    return build(home, values);
  }

  private static Settings build(Path home, Map<String, String> v) {
    String databaseUrl = v.get("database_url");
    if (databaseUrl.isBlank()) {
      databaseUrl = "jdbc:sqlite:" + home.resolve("db").resolve("timers.db").toAbsolutePath();
    }
    String secretKeyFile = v.get("secret_key_file").trim();
    byte[] secretKey = secretKeyFile.isEmpty() ? null : SecretKeyFile.read(Path.of(secretKeyFile));
    List<String> allowedActionUrls = list(v.get("allowed_action_urls"));
    AuthSettings auth = AuthSettingsLoader.build(v);
    String nodeId = v.get("node_id");
    if (nodeId.isBlank()) {
      nodeId = NodeIds.keptIn(home);
    }
    Settings settings =
        new Settings(
            home,
            intValue(v, "port", 0, 65_535),
            v.get("bind"),
            databaseUrl,
            v.get("database_user"),
            v.get("database_password"),
            intValue(v, "database_pool_size", 1, 1_000),
            stripSlash(v.get("public_url")),
            nodeId,
            Duration.ofSeconds(intValue(v, "min_interval_seconds", 1, Integer.MAX_VALUE)),
            Duration.ofSeconds(longValue(v, "max_interval_seconds")),
            Duration.ofDays(intValue(v, "max_start_ahead_days", 0, 100_000)),
            Duration.ofDays(intValue(v, "result_retention_days", 1, 100_000)),
            allowedActionUrls,
            list(v.get("transfer_aliases")),
            Duration.ofMillis(intValue(v, "claim_horizon_ms", 10, 60_000)),
            Duration.ofSeconds(intValue(v, "lease_seconds", 2, 3_600)),
            Duration.ofSeconds(intValue(v, "drain_seconds", 0, 3_600)),
            Duration.ofSeconds(intValue(v, "run_timeout_seconds", 0, 366 * 86_400)),
            auth,
            ProviderSettingsLoader.build(v, allowedActionUrls, auth),
            NotifySettingsLoader.build(v),
            secretKey);
    AuthSettingsLoader.check(settings);
    if (settings.lease().compareTo(settings.claimHorizon().multipliedBy(2)) < 0) {
      throw new SettingsException("lease_seconds must be at least twice claim_horizon_ms");
    }
    return settings;
  }

  private static String knownFlags() {
    return String.join(
            ", ",
            SettingDefaults.DEFAULTS.keySet().stream()
                .sorted()
                .map(k -> "--" + k.replace('_', '-'))
                .toList())
        + ", --home";
  }
}
