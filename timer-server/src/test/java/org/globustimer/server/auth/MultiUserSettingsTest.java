package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.globustimer.server.config.Settings;
import org.globustimer.server.config.SettingsException;
import org.globustimer.server.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiUserSettingsTest {

  @TempDir Path home;

  private Settings load(String... flags) {
    List<String> args = new ArrayList<>(List.of("--home", home.toString()));
    args.addAll(List.of(flags));
    return SettingsLoader.load(args.toArray(String[]::new), Map.of());
  }

  @Test
  void multiUserRefusesToStartWithAnyActionUrlAllowed() {
    assertThatThrownBy(
            () ->
                load(
                    "--multi-user", "true",
                    "--oidc-issuer", "https://issuer.example.org",
                    "--oidc-audience", "timers"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("allowed_action_urls");
  }

  @Test
  void multiUserNeedsAWayToValidateUsers() {
    assertThatThrownBy(
            () -> load("--multi-user", "true", "--allowed-action-urls", "https://a.example.org/"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("oidc_issuer or introspection_url");
  }

  @Test
  void anIssuerNeedsAnAudience() {
    assertThatThrownBy(() -> load("--oidc-issuer", "https://issuer.example.org"))
        .hasMessageContaining("oidc_audience");
  }

  @Test
  void aCompleteMultiUserConfigurationLoads() {
    Settings settings =
        load(
            "--multi-user", "true",
            "--oidc-issuer", "https://issuer.example.org",
            "--oidc-audience", "timers",
            "--oidc-client-id", "cli",
            "--allowed-action-urls", "https://a.example.org/",
            "--admin-identities", "0f6a1c2e-0000-4000-8000-000000000001");
    assertThat(settings.auth().multiUser()).isTrue();
    assertThat(settings.auth().login()).isPresent();
    assertThat(settings.auth().adminIdentities()).hasSize(1);
  }
}
