package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.cli.CliException;
import org.globustimer.cli.json.JsonText;

/**
 * {@code ~/.config/globus/tokens.json}: one entry per resource server, ours under {@link #ENTRY}.
 * Written atomically with mode 0600; a file others can read is refused rather than used.
 */
final class TokenFile {

  static final String ENTRY = "globus-timer";

  private final Path file;

  TokenFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  /** The whole cache; an empty object when there is no file. */
  ObjectNode read() {
    if (!exists()) {
      return JsonText.object();
    }
    JsonNode root;
    try {
      root = JsonText.read(Files.readString(file));
    } catch (IOException e) {
      throw corrupt();
    }
    if (root == null || !root.isObject()) {
      throw corrupt();
    }
    PrivateFile.refuseIfShared(file);
    return (ObjectNode) root;
  }

  /** Replaces our entry, keeping the other resource servers' entries. */
  void writeEntry(ObjectNode entry) {
    ObjectNode root = exists() ? read() : JsonText.object();
    root.set(ENTRY, entry);
    write(root);
  }

  /** Removes our entry, and the file when nothing else is left in it. */
  boolean removeEntry() {
    if (!exists()) {
      return false;
    }
    ObjectNode root;
    try {
      root = read();
    } catch (CliException e) {
      return delete();
    }
    root.remove(ENTRY);
    root.remove("access_token");
    if (root.isEmpty()) {
      return delete();
    }
    write(root);
    return true;
  }

  private boolean delete() {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new CliException("cannot remove " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(ObjectNode root) {
    try {
      PrivateFile.replace(file, JsonText.pretty(root));
    } catch (IOException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private CliException corrupt() {
    return new CliException(
        file
            + " is not a readable token cache; delete it and run 'globus-timer session login'"
            + " (or set GLOBUS_TIMER_TOKEN)");
  }
}
