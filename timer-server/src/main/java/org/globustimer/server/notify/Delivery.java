package org.globustimer.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.globustimer.server.store.NotificationRow;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued notifications on its own threads, by webhook or e-mail: each node claims due rows
 * with a lease, so a notification is sent by one node at a time, and one whose node died is taken
 * up by another once the lease ends. A refused or failed delivery is tried again with doubling
 * back-off (2 s up to an hour) until its attempts run out; then it stays in the outbox as failed,
 * to be seen.
 */
public final class Delivery implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Delivery.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** Longer than any one attempt may take (each channel gives up within 40 s). */
  static final Duration LEASE = Duration.ofSeconds(60);

  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final NotifySettings settings;
  private final TimerStore store;
  private final Clock clock;
  private final String nodeId;
  private final Consumer<String> outcomes;
  private final Channel webhooks;
  private final Channel mail;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean running = true;
  private final Thread loop;

  /** {@code outcomes} hears {@code delivered}, {@code retrying} or {@code failed} per attempt. */
  public Delivery(
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
    this.webhooks = new Webhooks(settings, clock);
    this.mail = new Mail(settings.smtp());
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
          try {
            senders.execute(() -> deliver(n));
          } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // claimed but not started: back at once for another node, not after the lease
            store.inTransaction(tx -> tx.notifications().release(n.id(), nodeId));
          }
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
    String error;
    try {
      error = channel(n).send(n);
    } catch (RuntimeException e) {
      error = "could not send: " + e;
    }
    String failure = error;
    Instant now = clock.instant();
    try {
      if (failure == null) {
        record(
            store.inTransaction(tx -> tx.notifications().delivered(n.id(), nodeId, attempts, now)),
            n,
            "delivered");
      } else if (attempts >= settings.maxAttempts()) {
        log.warn("gave up notifying {} of timer {}: {}", n.target(), n.timerId(), failure);
        record(
            store.inTransaction(tx -> tx.notifications().gaveUp(n.id(), nodeId, attempts, failure)),
            n,
            "failed");
      } else {
        Instant next = now.plus(backoff(attempts));
        record(
            store.inTransaction(
                tx -> tx.notifications().retryAt(n.id(), nodeId, attempts, next, failure)),
            n,
            "retrying");
      }
    } catch (StoreException e) {
      log.warn("could not record the delivery of notification {}: {}", n.id(), e.getMessage());
    }
  }

  private void record(boolean written, NotificationRow n, String outcome) {
    if (written) {
      outcomes.accept(outcome);
    } else {
      log.warn("notification {} was taken by another node while this one sent it", n.id());
    }
  }

  private Channel channel(NotificationRow n) {
    return Channel.of(n.target()).equals("email") ? mail : webhooks;
  }

  static Duration backoff(int attempts) {
    Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 12));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  @Override
  public void close() {
    close(Duration.ZERO);
  }

  /**
   * Claims nothing more and lets sends under way finish for up to {@code drain}; one still going
   * after that keeps its claim, and another node sends it again once the claim's lease ends.
   */
  public void close(Duration drain) {
    running = false;
    loop.interrupt();
    senders.shutdown();
    try {
      senders.awaitTermination(drain.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
