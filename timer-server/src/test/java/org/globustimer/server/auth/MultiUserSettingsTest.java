package org.globustimer.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.globustimer.server.config.Settings;
import org.globustimer.server.config.SettingsException;
import org.globustimer.server.config.SettingsLoader;
import org.globustimer.server.credentials.ProviderAuth;
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
  void aCompleteMultiUserConfigurationLoads() throws IOException {
    Settings settings =
        load(
            "--multi-user", "true",
            "--oidc-issuer", "https://issuer.example.org",
            "--oidc-audience", "timers",
            "--oidc-client-id", "cli",
            "--allowed-action-urls", "https://a.example.org/",
            "--admin-identities", "0f6a1c2e-0000-4000-8000-000000000001",
            "--secret-key-file", keyFile("rw-------").toString(),
            "--provider.lab.url", "https://a.example.org/lab/",
            "--provider.lab.credential", "token_exchange",
            "--provider.lab.client_id", "timer-service",
            "--provider.lab.scopes", "lab:run offline_access");
    assertThat(settings.auth().multiUser()).isTrue();
    assertThat(settings.auth().login()).isPresent();
    assertThat(settings.auth().adminIdentities()).hasSize(1);
    assertThat(settings.secretKey()).hasSize(32);
    assertThat(settings.providers())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.grant()).isEqualTo(ProviderAuth.Grant.TOKEN_EXCHANGE);
              assertThat(p.scopes()).containsExactly("lab:run", "offline_access");
            });
  }

  @Test
  void multiUserNeedsASecretKeyFromTheConfiguration() {
    assertThatThrownBy(
            () ->
                load(
                    "--multi-user", "true",
                    "--oidc-issuer", "https://issuer.example.org",
                    "--oidc-audience", "timers",
                    "--allowed-action-urls", "https://a.example.org/"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("secret_key_file");
  }

  @Test
  void aSecretKeyFileOthersCanReadIsRefused() throws IOException {
    Path key = keyFile("rw-r--r--");
    assertThatThrownBy(() -> load("--secret-key-file", key.toString()))
        .hasMessageContaining("readable by others")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aMissingSecretKeyFileSaysHowToMakeOne() {
    assertThatThrownBy(() -> load("--secret-key-file", home.resolve("nope.key").toString()))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("head -c 32 /dev/urandom");
  }

  @Test
  void aProviderOutsideTheAllowListIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    "--allowed-action-urls", "https://a.example.org/",
                    "--provider.lab.url", "https://b.example.org/",
                    "--provider.lab.credential", "token_exchange",
                    "--provider.lab.client_id", "svc",
                    "--provider.lab.token_url", "https://issuer.example.org/token"))
        .hasMessageContaining("provider.lab.url")
        .hasMessageContaining("allowed_action_urls");
  }

  @Test
  void providerSettingsAreCheckedByName() {
    assertThatThrownBy(() -> load("--provider.lab.colour", "blue"))
        .hasMessageContaining("provider.lab.colour")
        .hasMessageContaining("token_url");
    assertThatThrownBy(
            () ->
                load(
                    "--provider.lab.url", "https://a.example.org/",
                    "--provider.lab.credential", "password",
                    "--provider.lab.client_id", "svc"))
        .hasMessageContaining("token_exchange or refresh_token");
    assertThatThrownBy(
            () ->
                load(
                    "--provider.lab.url", "https://a.example.org/",
                    "--provider.lab.credential", "refresh_token"))
        .hasMessageContaining("client_id");
    assertThatThrownBy(
            () ->
                load(
                    "--provider.lab.url", "https://a.example.org/",
                    "--provider.lab.credential", "token_exchange",
                    "--provider.lab.client_id", "svc"))
        .hasMessageContaining("token_url");
  }

  private Path keyFile(String mode) throws IOException {
    Path key = home.resolve("secret-" + mode + ".key");
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    Files.writeString(key, Base64.getEncoder().encodeToString(bytes));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
    return key;
  }
}
