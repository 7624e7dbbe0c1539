package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** The options of a transfer beyond its endpoints and items, and how they enter its body. */
final class TransferSettings {

  enum Symlinks {
    ignore,
    keep,
    copy
  }

  @Option(names = "--label", description = "A label for each transfer.")
  String label;

  @Option(
      names = "--sync-level",
      paramLabel = "LEVEL",
      converter = TransferValues.SyncLevelConverter.class,
      description = "Copy only when: 0/exists missing, 1/size differs, 2/mtime newer, 3/checksum.")
  Integer syncLevel;

  @Option(names = "--verify-checksum", description = "Check each copy against the source.")
  boolean verifyChecksum;

  @Option(names = "--encrypt-data", description = "Encrypt data in transit.")
  boolean encryptData;

  @Option(names = "--preserve-timestamp", description = "Give copies the source's mtime.")
  boolean preserveTimestamp;

  @Option(names = "--skip-source-errors", description = "Skip unreadable or vanished sources.")
  boolean skipSourceErrors;

  @Option(names = "--fail-on-quota-errors", description = "Fail at once when out of quota.")
  boolean failOnQuotaErrors;

  @Option(
      names = "--delete-destination-extra",
      description = "Remove what the source lacks from recursive destinations.")
  boolean deleteDestinationExtra;

  @Option(
      names = "--recursive-symlinks",
      paramLabel = "MODE",
      description = "Symlinks in recursive items: ${COMPLETION-CANDIDATES}.")
  Symlinks recursiveSymlinks;

  void addTo(ObjectNode body) {
    if (label != null) {
      body.put("label", label);
    }
    if (syncLevel != null) {
      body.put("sync_level", syncLevel);
    }
    putIfSet(body, "verify_checksum", verifyChecksum);
    putIfSet(body, "encrypt_data", encryptData);
    putIfSet(body, "preserve_timestamp", preserveTimestamp);
    putIfSet(body, "skip_source_errors", skipSourceErrors);
    putIfSet(body, "fail_on_quota_errors", failOnQuotaErrors);
    putIfSet(body, "delete_destination_extra", deleteDestinationExtra);
    if (recursiveSymlinks != null) {
      body.put("recursive_symlinks", recursiveSymlinks.name());
    }
  }

  private static void putIfSet(ObjectNode body, String field, boolean value) {
    if (value) {
      body.put(field, true);
    }
  }
}
