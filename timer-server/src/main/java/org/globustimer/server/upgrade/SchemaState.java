package org.globustimer.server.upgrade;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Where one migration history of a database stands against the migrations this release carries:
 * {@code applied} are the versions in the database (a baseline marker excluded), {@code pending}
 * what this release would add, {@code unknown} what a newer release added that this one lacks.
 */
record SchemaState(
    String history, List<String> applied, List<String> pending, List<String> unknown) {

  static SchemaState of(String history, Flyway flyway) {
    MigrationInfo[] all = flyway.info().all();
    return new SchemaState(
        history,
        versions(all, s -> s.isApplied() && s != MigrationState.BASELINE && !future(s)),
        versions(all, s -> s == MigrationState.PENDING),
        versions(all, SchemaState::future));
  }

  /** A fresh database: nothing applied yet, so there is nothing to back up. */
  boolean fresh() {
    return applied.isEmpty() && unknown.isEmpty();
  }

  String current() {
    return applied.isEmpty() ? "none" : "V" + applied.getLast();
  }

  String latest() {
    return pending.isEmpty() ? current() : "V" + pending.getLast();
  }

  private static boolean future(MigrationState state) {
    return state.name().startsWith("FUTURE");
  }

  private static List<String> versions(
      MigrationInfo[] all, java.util.function.Predicate<MigrationState> which) {
    return java.util.Arrays.stream(all)
        .filter(m -> which.test(m.getState()))
        .map(MigrationInfo::getVersion)
        .filter(v -> v != null && !v.equals(MigrationVersion.EMPTY))
        .map(MigrationVersion::getVersion)
        .toList();
  }
}
