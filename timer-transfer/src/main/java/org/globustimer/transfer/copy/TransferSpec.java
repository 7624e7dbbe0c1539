package org.globustimer.transfer.copy;

import java.time.Instant;
import java.util.List;

/** A validated transfer request, whichever wire shape it arrived in. */
public record TransferSpec(
    String sourceEndpoint,
    String destinationEndpoint,
    List<Item> items,
    String label,
    Integer syncLevel,
    boolean verifyChecksum,
    boolean preserveTimestamp,
    boolean encryptData,
    boolean deleteDestinationExtra,
    boolean skipSourceErrors,
    boolean failOnQuotaErrors,
    SymlinkMode recursiveSymlinks,
    List<FilterRule> filterRules,
    Instant deadline) {

  /** {@code checksumAlgorithm} is null unless the item names one. */
  public record Item(
      String sourcePath,
      String destinationPath,
      boolean recursive,
      ChecksumAlgorithm checksumAlgorithm) {}

  public enum SymlinkMode {
    IGNORE,
    KEEP,
    COPY
  }

  public record FilterRule(boolean include, String name, String type) {

    boolean matches(String entryName, boolean isDir) {
      if (type != null && type.equals("dir") != isDir) {
        return false;
      }
      return Glob.matches(name, entryName);
    }
  }

  /** First matching rule wins; what no rule matches is included. */
  public boolean includes(String entryName, boolean isDir) {
    for (FilterRule rule : filterRules) {
      if (rule.matches(entryName, isDir)) {
        return rule.include();
      }
    }
    return true;
  }
}
