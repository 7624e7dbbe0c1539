package org.globustimer.benchpeers;

/** One measured run: a system, its node count and the target firing rate. */
record Scenario(Contender contender, int nodes, double rate) {

  String databaseName() {
    return ("peers_" + contender.name() + "_" + nodes + "n_" + Math.round(rate))
        .replaceAll("[^a-z0-9_]", "_");
  }
}
