package org.globustimer.bench;

/** A no-op action provider the benchmark's timers call. */
interface Provider extends AutoCloseable {

  /** The URL timers give as their action's run URL. */
  String runUrl();
}
