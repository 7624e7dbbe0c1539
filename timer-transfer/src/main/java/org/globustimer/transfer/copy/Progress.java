package org.globustimer.transfer.copy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters of one transfer task, safe to read while copies run. */
public final class Progress {

  private static final int EVENTS_KEPT = 20;

  /** One entry of the task's event list. */
  public record Event(
      String code, String description, String details, Instant time, boolean isError) {}

  public final AtomicLong files = new AtomicLong();
  public final AtomicLong directories = new AtomicLong();
  public final AtomicLong symlinks = new AtomicLong();
  public final AtomicLong filesTransferred = new AtomicLong();
  public final AtomicLong filesSkipped = new AtomicLong();
  public final AtomicLong filesDeleted = new AtomicLong();
  public final AtomicLong bytesTransferred = new AtomicLong();
  public final AtomicLong bytesChecksummed = new AtomicLong();
  public final AtomicLong faults = new AtomicLong();

  private final Deque<Event> events = new ArrayDeque<>();
  private final Clock clock;

  public Progress(Clock clock) {
    this.clock = clock;
  }

  public void event(String code, String description, String details, boolean isError) {
    synchronized (events) {
      events.addFirst(new Event(code, description, details, clock.instant(), isError));
      while (events.size() > EVENTS_KEPT) {
        events.removeLast();
      }
    }
  }

  /** Restores events kept from an earlier run of the same task, oldest first. */
  public void restore(List<Event> olderFirst) {
    synchronized (events) {
      olderFirst.forEach(events::addFirst);
    }
  }

  /** Newest first. */
  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
