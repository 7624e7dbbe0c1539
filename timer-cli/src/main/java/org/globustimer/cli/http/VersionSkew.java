package org.globustimer.cli.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.core.build.Version;

/**
 * Warns, once per pair of releases and service, when a service's release is far from this CLI's: a
 * command may then use what the other side lacks. Which pairs were already reported is kept in
 * {@code noticesFile}, so the warning is not repeated on every command.
 */
public final class VersionSkew {

  private final PrintWriter err;
  private final Path noticesFile;
  private final Version ours;
  private boolean checked;

  public VersionSkew(PrintWriter err, Path noticesFile) {
    this(err, noticesFile, BuildInfo.current().version());
  }

  VersionSkew(PrintWriter err, Path noticesFile, Version ours) {
    this.err = err;
    this.noticesFile = noticesFile;
    this.ours = ours;
  }

  /** Looks at the release a service named in its version header, if it named one. */
  void observe(URI service, Optional<String> named) {
    if (checked) {
      return;
    }
    if (named.isEmpty()) {
      return;
    }
    checked = true;
    Version theirs = Version.parse(named.get());
    if (!ours.farFrom(theirs) || alreadyNoticed(service + " " + theirs + " " + ours)) {
      return;
    }
    String advice =
        theirs.newerThan(ours)
            ? "much newer than this command (" + ours + "); install the newer globus-timer"
            : "much older than this command ("
                + ours
                + "); commands the service does not know will fail until it is upgraded";
    err.println(
        "globus-timer: warning: the service at "
            + service
            + " runs globus-timer "
            + theirs
            + ", "
            + advice);
    err.flush();
  }

  /** Whether this notice was given before; records it otherwise. */
  private boolean alreadyNoticed(String notice) {
    try {
      if (Files.isRegularFile(noticesFile)
          && Files.readAllLines(noticesFile, StandardCharsets.UTF_8).contains(notice)) {
        return true;
      }
      Files.createDirectories(noticesFile.getParent());
      Files.writeString(
          noticesFile,
          notice + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // without a writable state directory the warning is repeated, which is better than none
    }
    return false;
  }
}
