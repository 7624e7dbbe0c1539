package org.globustimer.benchpeers;

/** The figures of one scenario. Lags in µs, -1 when nothing fired. */
record Result(
    Scenario scenario,
    double sustained,
    Recorder.Outcome outcome,
    double transactionsPerFiring,
    long expectedTicks) {

  static String header() {
    return "| system | nodes | target/s | sustained/s | lag p50 | lag p99 | lag max | tx/firing |"
        + " missed ticks |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";
  }

  String row() {
    String extra =
        (outcome.duplicates() > 0 ? ", " + outcome.duplicates() + " twice" : "")
            + (outcome.early() > 0 ? ", " + outcome.early() + " early" : "");
    return "| %s | %d | %,.0f | %,.0f | %s | %s | %s | %.2f | %,d of %,d%s |"
        .formatted(
            scenario.contender().name(),
            scenario.nodes(),
            scenario.rate(),
            sustained,
            millis(outcome.p50()),
            millis(outcome.p99()),
            millis(outcome.max()),
            transactionsPerFiring,
            outcome.missed(),
            expectedTicks,
            extra);
  }

  static String millis(long micros) {
    if (micros < 0) {
      return "–";
    }
    return micros >= 10_000_000
        ? "%,.1f s".formatted(micros / 1e6)
        : "%,.1f ms".formatted(micros / 1e3);
  }
}
