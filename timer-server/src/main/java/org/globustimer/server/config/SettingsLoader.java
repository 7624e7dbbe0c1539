package org.globustimer.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.globustimer.server.auth.AuthSettings;

/**
 * Reads settings from, in rising precedence: defaults, {@code config.properties} in the home,
 * {@code GLOBUS_TIMER_<KEY>} environment variables, and {@code --key value} flags.
 */
public final class SettingsLoader {

  /** How long a run may stay in progress at its provider unless its timer says otherwise. */
  public static final Duration RUN_TIMEOUT_DEFAULT = Duration.ofHours(24);

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
          Map.entry("run_timeout_seconds", String.valueOf(RUN_TIMEOUT_DEFAULT.toSeconds())),
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
    Map<String, String> flags = parseFlags(args);
    Path home = flags.containsKey("home") ? Path.of(flags.remove("home")) : defaultHome(env);
    Map<String, String> values = new HashMap<>(DEFAULTS);
    values.putAll(readConfigFile(home.resolve("config.properties")));
    for (String key : DEFAULTS.keySet()) {
      String fromEnv = env.get("GLOBUS_TIMER_" + key.toUpperCase(Locale.ROOT));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      if (!DEFAULTS.containsKey(flag.getKey())
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

  private static Map<String, String> parseFlags(String[] args) {
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

  private static Map<String, String> readConfigFile(Path file) {
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
      if (!DEFAULTS.containsKey(key) && !ProviderSettingsLoader.isProviderKey(key)) {
        throw new SettingsException("unknown setting '" + key + "' in " + file);
      }
      values.put(key, properties.getProperty(key).trim());
    }
    return values;
  }

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

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String knownFlags() {
    return String.join(
            ", ", DEFAULTS.keySet().stream().sorted().map(k -> "--" + k.replace('_', '-')).toList())
        + ", --home";
  }
}
