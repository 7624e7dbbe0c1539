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
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.globustimer.server.store.NotificationRow;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued notifications as signed JSON POSTs, on its own threads: each node claims due rows
 * with a lease, so a notification is sent by one node at a time, and one whose node died is taken
 * up by another. A refused or failed delivery is tried again with doubling back-off (2 s up to an
 * hour) until its attempts run out; then it stays in the outbox as failed, to be seen.
 *
 * <p>The signature is {@code X-Globus-Timer-Signature: sha256=<hex HMAC-SHA256>} of {@code
 * <X-Globus-Timer-Timestamp>.<body>} under the configured secret.
 */
public final class WebhookDelivery implements AutoCloseable {

  public static final String SIGNATURE = "X-Globus-Timer-Signature";
  public static final String TIMESTAMP = "X-Globus-Timer-Timestamp";
  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final NotifySettings settings;
  private final TimerStore store;
  private final Clock clock;
  private final String nodeId;
  private final Consumer<String> outcomes;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean running = true;
  private final Thread loop;

  /** {@code outcomes} hears {@code delivered}, {@code retrying} or {@code failed} per attempt. */
  public WebhookDelivery(
      NotifySettings settings,
      TimerStore store,
      Clock clock,
      String nodeId,
      Consumer<String> outcomes) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.nodeId = nodeId;
    this.outcomes = outcomes;
    this.loop = Thread.ofPlatform().name("notifications").daemon().start(this::run);
  }

  private void run() {
    while (running) {
      try {
        Instant now = clock.instant();
        List<NotificationRow> due =
            store.inTransaction(
                tx -> tx.notifications().claimDue(nodeId, now, now.plus(LEASE), 100));
        for (NotificationRow n : due) {
          senders.execute(() -> deliver(n));
        }
      } catch (StoreException e) {
        log.debug("cannot read the notification outbox: {}", e.getMessage());
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("notification delivery failed; trying again", e);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void deliver(NotificationRow n) {
    int attempts = n.attempts() + 1;
    String error = send(n);
    Instant now = clock.instant();
    try {
      if (error == null) {
        store.inTransaction(
            tx -> {
              tx.notifications().delivered(n.id(), attempts, now);
              return null;
            });
        outcomes.accept("delivered");
      } else if (attempts >= settings.maxAttempts()) {
        store.inTransaction(
            tx -> {
              tx.notifications().gaveUp(n.id(), attempts, error);
              return null;
            });
        log.warn("gave up notifying {} of timer {}: {}", n.target(), n.timerId(), error);
        outcomes.accept("failed");
      } else {
        Instant next = now.plus(backoff(attempts));
        store.inTransaction(
            tx -> {
              tx.notifications().retryAt(n.id(), attempts, next, error);
              return null;
            });
        outcomes.accept("retrying");
      }
    } catch (StoreException e) {
      log.warn("could not record the delivery of notification {}: {}", n.id(), e.getMessage());
    }
  }

  /** Sends one notification; null when the target took it (2xx), else why not. */
  private String send(NotificationRow n) {
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

  static Duration backoff(int attempts) {
    Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 12));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  @Override
  public void close() {
    running = false;
    loop.interrupt();
    senders.shutdown();
  }
}
