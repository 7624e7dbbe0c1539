package org.globustimer.bench;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.TimerService;

/**
 * The API's durable writes without HTTP: each client thread hands its insert to the store's group
 * commit and waits for it, as the API's handler does. Shows what the store alone sustains.
 */
final class DirectCreates {

  private DirectCreates() {}

  static void create(TimerService service, String token, int timers, int clients) throws Exception {
    TimerCopies copies = new TimerCopies(TemplateTimer.create(service, token));
    Instant start = Instant.now().plusSeconds(86_400);
    AtomicLong next = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(
            () -> {
              for (long i = next.getAndIncrement(); i < timers; i = next.getAndIncrement()) {
                TimerRow timer = copies.copy(i, start, Instant.now());
                service
                    .store()
                    .inDurableTransaction(
                        tx -> {
                          tx.insertTimer(timer);
                          return null;
                        });
              }
              return null;
            });
      }
    }
  }
}
