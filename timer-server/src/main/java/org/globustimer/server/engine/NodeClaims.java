package org.globustimer.server.engine;

import java.util.Collection;
import org.globustimer.core.timer.RunRow;
import org.globustimer.server.store.StoreException;
import org.globustimer.server.store.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims this node gives back rather than leave to their leases: at start those its previous
 * run left, at a stop its timers, the runs it was to check, and its place in the list of nodes.
 * When the database is out of reach they expire with their leases instead.
 */
final class NodeClaims {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final TimerStore store;
  private final String nodeId;

  NodeClaims(TimerStore store, String nodeId) {
    this.store = store;
    this.nodeId = nodeId;
  }

  /**
   * Claims still marked with this node's id were left by its previous run, which stopped without
   * giving them back: taken back now rather than after their leases.
   */
  void takeBackEarlier() {
    try {
      store.inTransaction(
          tx -> {
            tx.nodes().releaseClaims(nodeId);
            return null;
          });
    } catch (StoreException e) {
      log.warn("could not take back this node's earlier claims; they expire with their leases");
    }
  }

  void giveBack(Collection<RunRow> queuedChecks) {
    try {
      store.inTransaction(
          tx -> {
            tx.nodes().releaseClaims(nodeId);
            for (RunRow run : queuedChecks) {
              tx.releaseCheck(run.timerId(), run.slot());
            }
            tx.nodes().remove(nodeId);
            return null;
          });
    } catch (StoreException e) {
      log.warn(
          "could not give back this node's claims ({}); they expire with their leases",
          e.getMessage());
    }
  }
}
