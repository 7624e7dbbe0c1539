package org.globustimer.server.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.globustimer.server.auth.ActionUrls;
import org.globustimer.server.auth.AuthSettings;
import org.globustimer.server.credentials.ProviderAuth;

/**
 * Reads {@code provider.<name>.<field>} settings: how the service obtains tokens for each external
 * action provider.
 */
final class ProviderSettingsLoader {

  static final String PREFIX = "provider.";

  private ProviderSettingsLoader() {}

  static boolean isProviderKey(String key) {
    return key.startsWith(PREFIX);
  }

  static List<ProviderAuth> build(
      Map<String, String> values, List<String> allowedActionUrls, AuthSettings auth) {
    Map<String, Map<String, String>> byName = ProviderKeys.byName(values);
    List<ProviderAuth> providers = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> e : byName.entrySet()) {
      providers.add(provider(e.getKey(), e.getValue(), allowedActionUrls, auth));
    }
    // The most specific prefix wins when one provider's URL lies under another's.
    providers.sort(Comparator.comparingInt((ProviderAuth p) -> p.url().length()).reversed());
    return List.copyOf(providers);
  }

  private static ProviderAuth provider(
      String name, Map<String, String> f, List<String> allowedActionUrls, AuthSettings auth) {
    String key = PREFIX + name + ".";
    String url = f.getOrDefault("url", "");
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new SettingsException(
          key + "url must be the http(s) prefix of the provider's action URLs");
    }
    if (!allowedActionUrls.contains("*") && !ActionUrls.allowed(allowedActionUrls, url)) {
      throw new SettingsException(
          key + "url " + url + " lies outside allowed_action_urls; add it there first");
    }
    String credential = f.getOrDefault("credential", "").toLowerCase(Locale.ROOT);
    ProviderAuth.Grant grant =
        switch (credential) {
          case "token_exchange" -> ProviderAuth.Grant.TOKEN_EXCHANGE;
          case "refresh_token" -> ProviderAuth.Grant.REFRESH_TOKEN;
          default ->
              throw new SettingsException(
                  key
                      + "credential must be token_exchange or refresh_token, not '"
                      + credential
                      + "'");
        };
    String clientId = f.getOrDefault("client_id", "");
    if (clientId.isBlank() && grant == ProviderAuth.Grant.REFRESH_TOKEN) {
      // Users obtain the refresh token with the CLI's client, so that client refreshes it.
      clientId = auth.oidcClientId();
    }
    if (clientId.isBlank()) {
      throw new SettingsException(
          key
              + "client_id must be set: the client the service presents at the token endpoint"
              + (grant == ProviderAuth.Grant.REFRESH_TOKEN ? " (or set oidc_client_id)" : ""));
    }
    String tokenUrl = f.getOrDefault("token_url", "");
    if (tokenUrl.isBlank() && !auth.jwt()) {
      throw new SettingsException(
          key + "token_url must be set (it defaults to oidc_issuer's token endpoint)");
    }
    return new ProviderAuth(
        name,
        url,
        grant,
        SettingValues.list(f.getOrDefault("scopes", "").replace(' ', ',')),
        f.getOrDefault("audience", ""),
        tokenUrl,
        clientId,
        f.getOrDefault("client_secret", ""));
  }
}
