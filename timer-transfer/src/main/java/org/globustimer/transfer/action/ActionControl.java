package org.globustimer.transfer.action;

import java.time.Clock;
import java.time.Instant;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.copy.Control;

/** Cancel, deadline and shutdown, as the copier sees them between chunks. */
final class ActionControl implements Control {

  private final Clock clock;
  private final Instant deadline;
  private volatile boolean canceled;
  private volatile boolean stopping;

  ActionControl(Clock clock, Instant deadline) {
    this.clock = clock;
    this.deadline = deadline;
  }

  void cancel() {
    canceled = true;
  }

  void stop() {
    stopping = true;
  }

  boolean stopping() {
    return stopping;
  }

  @Override
  public void check() {
    if (stopping) {
      throw new TransferException("SHUTDOWN", 503, "the transfer service is stopping");
    }
    if (canceled) {
      throw new TransferException("CANCELED", 409, "the transfer was canceled");
    }
    if (deadline != null && clock.instant().isAfter(deadline)) {
      throw new TransferException(
          "DEADLINE_EXCEEDED",
          409,
          "the task's deadline " + deadline + " passed before it finished");
    }
  }
}
