package org.globustimer.server.store;

import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.timer.TimerRow;

/**
 * A change to one timer made as a durable, version-checked write: the timer is read afresh and the
 * change applied again when the engine moved it in between, so an owner's command never overwrites
 * the engine's progress.
 */
public final class TimerEdits {

  private static final int ATTEMPTS = 20;

  private TimerEdits() {}

  /**
   * Applies {@code edit} to {@code owner}'s timer {@code id}; empty when there is no such timer. An
   * edit that returns the timer it was given writes nothing. What {@code edit} throws aborts the
   * change and reaches the caller.
   */
  public static Optional<TimerRow> apply(
      TimerStore store, String owner, UUID id, UnaryOperator<TimerRow> edit) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<TimerRow> result = store.inDurableTransaction(tx -> attempt(tx, owner, id, edit));
      if (result == null) {
        continue;
      }
      return result;
    }
    throw ServiceException.unavailable("timer " + id + " is busy; try again");
  }

  /** The edited timer, empty if there is none, or null if the engine wrote it first. */
  private static Optional<TimerRow> attempt(
      Tx tx, String owner, UUID id, UnaryOperator<TimerRow> edit) {
    Optional<TimerRow> found = tx.findTimer(owner, id);
    if (found.isEmpty()) {
      return found;
    }
    TimerRow timer = found.get();
    TimerRow edited = edit.apply(timer);
    if (edited == timer) {
      return found;
    }
    long version = timer.state().version();
    boolean written =
        edited.definition() == timer.definition()
            ? tx.updateState(id, version, edited.state())
            : tx.updateDefinitionAndState(id, version, edited.definition(), edited.state());
    return written ? Optional.of(edited) : null;
  }
}
