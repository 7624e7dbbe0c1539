package org.globustimer.server.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.globustimer.core.secret.Sealer;
import org.globustimer.server.store.CredentialRow;
import org.globustimer.server.store.TimerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewing a stored refresh token calls the issuer outside any transaction: other writes go on
 * while the issuer takes its time, and what the user changed meanwhile is not overwritten.
 */
class StoredTokensTest {

  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private final Sealer sealer = new Sealer("a test secret".getBytes(StandardCharsets.UTF_8));
  private final CountDownLatch issuerCalled = new CountDownLatch(1);
  private final CountDownLatch issuerMayAnswer = new CountDownLatch(1);
  private HttpServer issuer;
  private TimerStore store;
  private ProviderAuth vault;
  private StoredTokens tokens;

  @BeforeEach
  void start() throws Exception {
    issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    issuer.createContext(
        "/token",
        exchange -> {
          issuerCalled.countDown();
          try {
            issuerMayAnswer.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body =
              "{\"access_token\":\"new-access\",\"refresh_token\":\"new-refresh\",\"expires_in\":3600}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    issuer.start();
    store = TimerStore.open("jdbc:sqlite:" + dir.resolve("timers.db"), "", "", 4);
    vault =
        new ProviderAuth(
            "vault",
            "https://vault.example/",
            ProviderAuth.Grant.REFRESH_TOKEN,
            List.of("vault:all"),
            "",
            "http://127.0.0.1:" + issuer.getAddress().getPort() + "/token",
            "client",
            "");
    tokens =
        new StoredTokens(
            store, sealer, new TokenEndpoint(HttpClient.newHttpClient(), "", clock), clock);
    store.inDurableTransaction(
        tx -> {
          tx.credentials()
              .put(
                  new CredentialRow(
                      "erin", "vault", sealer.seal("old-refresh"), null, null, Instant.now()));
          return null;
        });
  }

  @AfterEach
  void stop() {
    issuerMayAnswer.countDown();
    issuer.stop(0);
    store.close();
  }

  @Test
  void writesGoOnWhileTheIssuerAnswersARenewal() throws Exception {
    CompletableFuture<Bearer> renewal =
        CompletableFuture.supplyAsync(() -> tokens.renew("erin", vault, false));
    assertThat(issuerCalled.await(30, TimeUnit.SECONDS)).isTrue();

    // The issuer has not answered yet: a durable write by someone else commits meanwhile.
    store.inDurableTransaction(
        tx -> {
          tx.credentials()
              .put(new CredentialRow("fred", "vault", sealer.seal("f"), null, null, Instant.now()));
          return null;
        });
    assertThat(renewal).isNotDone();

    issuerMayAnswer.countDown();
    assertThat(renewal.get(30, TimeUnit.SECONDS)).isEqualTo(new Bearer.Token("new-access"));
    CredentialRow stored = store.read(tx -> tx.credentials().find("erin", "vault")).orElseThrow();
    assertThat(sealer.open(stored.refreshTokenSealed())).isEqualTo("new-refresh");
    assertThat(sealer.open(stored.accessTokenSealed())).isEqualTo("new-access");
  }

  @Test
  void aCredentialRemovedDuringItsRenewalStaysRemoved() throws Exception {
    CompletableFuture<Bearer> renewal =
        CompletableFuture.supplyAsync(() -> tokens.renew("erin", vault, false));
    assertThat(issuerCalled.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(tokens.delete("erin", vault)).isTrue();
    issuerMayAnswer.countDown();

    assertThat(renewal.get(30, TimeUnit.SECONDS)).isInstanceOf(Bearer.Unavailable.class);
    Optional<CredentialRow> left = store.read(tx -> tx.credentials().find("erin", "vault"));
    assertThat(left).isEmpty();
  }
}
