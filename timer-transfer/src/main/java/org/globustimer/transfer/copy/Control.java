package org.globustimer.transfer.copy;

/** Asked between files and between chunks whether the task may go on. */
public interface Control {

  /** Throws a TransferException (CANCELED, DEADLINE_EXCEEDED, SHUTDOWN) to stop the task. */
  void check();
}
