package org.globustimer.server.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.globustimer.server.store.NotificationRow;

/**
 * Sends notifications as signed JSON POSTs: {@code X-Globus-Timer-Signature: sha256=<hex
 * HMAC-SHA256>} of {@code <X-Globus-Timer-Timestamp>.<body>} under the configured secret. Any 2xx
 * answer is a delivery.
 */
public final class Webhooks implements Channel {

  public static final String SIGNATURE = "X-Globus-Timer-Signature";
  public static final String TIMESTAMP = "X-Globus-Timer-Timestamp";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final NotifySettings settings;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  Webhooks(NotifySettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String send(NotificationRow n) {
    if (!settings.allows(n.target())) {
      return "notifications may not go to " + n.target() + " (notify_allowed_urls)";
    }
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(n.target()))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "globus-timer")
                  .header("X-Globus-Timer-Event", n.event())
                  .header("X-Globus-Timer-Notification", n.id().toString())
                  .header(TIMESTAMP, timestamp)
                  .header(SIGNATURE, "sha256=" + sign(settings.secret(), timestamp, n.payload()))
                  .POST(HttpRequest.BodyPublishers.ofString(n.payload()))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300 ? null : "the webhook answered " + status;
    } catch (IOException | IllegalArgumentException e) {
      return "cannot reach the webhook: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  public static String sign(byte[] secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
