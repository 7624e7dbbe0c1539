package org.globustimer.server.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.globustimer.server.auth.AuthSettings;

/** Reads the authentication settings and refuses combinations a shared service must not run. */
final class AuthSettingsLoader {

  private AuthSettingsLoader() {}

  static AuthSettings build(Map<String, String> v) {
    AuthSettings auth =
        new AuthSettings(
            bool(v, "local_token"),
            v.get("oidc_issuer").trim(),
            SettingValues.list(v.get("oidc_audience")),
            v.get("oidc_required_scope").trim(),
            v.get("oidc_client_id").trim(),
            SettingValues.list(v.get("oidc_login_scopes").replace(' ', ',')),
            v.get("introspection_url").trim(),
            v.get("introspection_client_id").trim(),
            v.get("introspection_client_secret").trim(),
            Duration.ofSeconds(SettingValues.intValue(v, "introspection_cache_seconds", 0, 300)),
            Set.copyOf(SettingValues.list(v.get("admin_identities"))),
            bool(v, "multi_user"));
    if (auth.jwt() && auth.oidcAudience().isEmpty()) {
      throw new SettingsException(
          "oidc_audience must be set with oidc_issuer: tokens are only accepted for this service");
    }
    if (auth.introspection() && auth.introspectionClientId().isBlank()) {
      throw new SettingsException(
          "introspection_client_id (and introspection_client_secret) must be set with"
              + " introspection_url");
    }
    if (!auth.localToken() && !auth.jwt() && !auth.introspection()) {
      throw new SettingsException(
          "local_token is false and neither oidc_issuer nor introspection_url is set:"
              + " nobody could call the service");
    }
    return auth;
  }

  /** A multi-user service must validate real users' tokens and call only listed action URLs. */
  static void check(Settings settings) {
    AuthSettings auth = settings.auth();
    if (!auth.multiUser()) {
      return;
    }
    if (!auth.jwt() && !auth.introspection()) {
      throw new SettingsException(
          "multi_user needs a way to validate users' tokens: set oidc_issuer or introspection_url");
    }
    if (settings.allowedActionUrls().isEmpty() || settings.allowsAnyActionUrl()) {
      throw new SettingsException(
          "multi_user needs allowed_action_urls set to explicit URL prefixes (not '*'), such as"
              + " https://actions.example.org/");
    }
    if (settings.secretKey() == null) {
      throw new SettingsException(
          "multi_user needs secret_key_file: the key that seals users' stored credentials must"
              + " come from the configuration, not from the database it protects");
    }
  }

  private static boolean bool(Map<String, String> v, String key) {
    String value = v.get(key).trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new SettingsException(key + " must be true or false, not '" + value + "'");
    };
  }
}
