package org.globustimer.server.engine;

import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.store.Tx;

/**
 * Where the engine queues what it must tell of a timer, in the very transaction that records the
 * event: a notification is committed with its run or not at all, whichever node wrote it. Calls
 * must only write to the store through {@code tx}, quickly, and must not throw.
 */
public interface Outbox {

  Outbox NONE = new Outbox() {};

  /** A run reached its final state; {@code timer} is the row before this change. */
  default void runFinished(Tx tx, TimerRow timer, RunRow run) {}

  /**
   * The service paused the timer itself; {@code timer} is the row before the pause, whose version
   * names the pause alike on every node.
   */
  default void pausedByService(Tx tx, TimerRow timer, String cause, String detail) {}
}
