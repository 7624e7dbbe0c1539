package org.globustimer.server.upgrade;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before the store migrates, what a database written by another release needs. One that a
 * newer release wrote (migrations this release does not have) is refused: this code would misread a
 * schema it does not know, and migrations only go forward. One that an older release wrote is first
 * copied, consistently, to the home's {@code backups/}, and the copy is kept: it is the way back if
 * the new release disappoints.
 */
public final class UpgradeGuard {

  private static final Logger log = LoggerFactory.getLogger(UpgradeGuard.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** How to make a consistent copy of the whole database, and what such a file is called. */
  public record Snapshot(String suffix, java.util.function.Consumer<Path> copyTo) {}

  private final Path backups;
  private final Clock clock;

  public UpgradeGuard(Path backups, Clock clock) {
    this.backups = backups;
    this.clock = clock;
  }

  /**
   * Refuses a downgrade, backs up before an upgrade; answers the backup when one was made. Without
   * a snapshot (a database we cannot copy, such as PostgreSQL) an upgrade goes ahead and says that
   * the operator's own backup is the way back.
   */
  public Optional<Path> prepare(List<SchemaState> histories, Optional<Snapshot> snapshot) {
    List<SchemaState> newer = histories.stream().filter(h -> !h.unknown().isEmpty()).toList();
    if (!newer.isEmpty()) {
      throw new StoreException(downgradeMessage(newer), null);
    }
    List<SchemaState> upgrading =
        histories.stream().filter(h -> !h.fresh() && !h.pending().isEmpty()).toList();
    if (upgrading.isEmpty()) {
      return Optional.empty();
    }
    String steps =
        upgrading.stream()
            .map(h -> h.history() + " " + h.current() + " -> " + h.latest())
            .collect(Collectors.joining(", "));
    if (snapshot.isEmpty()) {
      log.warn(
          "Upgrading the database schema ({}); migrations run in transactions, and a backup taken"
              + " with the database's own tools (pg_dump) is the way back",
          steps);
      return Optional.empty();
    }
    Path target =
        backups.resolve(
            "timers-"
                + STAMP.format(clock.instant())
                + "-before-"
                + BuildInfo.current().version()
                + snapshot.get().suffix());
    createDirectories();
    snapshot.get().copyTo().accept(target);
    log.info("Backed up the database to {} before upgrading its schema ({})", target, steps);
    return Optional.of(target);
  }

  private String downgradeMessage(List<SchemaState> newer) {
    String which =
        newer.stream()
            .map(
                h ->
                    h.history()
                        + " V"
                        + h.unknown().getLast()
                        + " (this release knows up to "
                        + h.current()
                        + ")")
            .collect(Collectors.joining(", "));
    return "this database was written by a newer globus-timer release: its schema is at "
        + which
        + ", and this release ("
        + BuildInfo.current().version()
        + ") would misread it. Downgrading is not supported: run the newer release again. To go"
        + " back to this release anyway, restore the backup the newer release took before it"
        + " upgraded (in "
        + backups
        + "); what changed since then is lost.";
  }

  private void createDirectories() {
    try {
      java.nio.file.Files.createDirectories(backups);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the backup directory " + backups, e);
    }
  }
}
