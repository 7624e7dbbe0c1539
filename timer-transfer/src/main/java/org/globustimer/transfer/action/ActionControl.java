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

  boolean canceled() {
    return canceled;
  }

  /**
   * A cancel wins over a stop: a canceled action's row is finished at once, so the lease renewal
   * that follows fails and stops it too, and a stop would keep its uploads open for a resume that
   * never comes.
   */
  @Override
  public void check() {
    if (canceled) {
      throw new TransferException("CANCELED", 409, "the transfer was canceled");
    }
    if (stopping) {
      throw new TransferException("SHUTDOWN", 503, "the transfer service is stopping");
    }
    if (deadline != null && clock.instant().isAfter(deadline)) {
      throw new TransferException(
          "DEADLINE_EXCEEDED",
          409,
          "the task's deadline " + deadline + " passed before it finished");
    }
  }
}
