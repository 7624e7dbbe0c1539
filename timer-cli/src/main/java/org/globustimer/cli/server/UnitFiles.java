package org.globustimer.cli.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.globustimer.cli.CliException;
import org.globustimer.cli.Environment;

/** Where systemd looks for the units {@code server install-service} writes. */
final class UnitFiles {

  static final String DEFAULT_NAME = "globus-timer";
  static final Path SYSTEM_DIR = Path.of("/etc/systemd/system");
  static final Path SYSTEM_HOME = Path.of("/var/lib/globus-timer");

  private UnitFiles() {}

  static Path userDir(Environment env) {
    return env.configHome().resolve("systemd/user");
  }

  static Optional<Path> installedUserUnit(Environment env) {
    Path unit = userDir(env).resolve(DEFAULT_NAME + ".service");
    return Files.isRegularFile(unit) ? Optional.of(unit) : Optional.empty();
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (AccessDeniedException e) {
      throw new CliException(
          "cannot write "
              + file
              + " (permission denied); run as root for a system unit, or use --print");
    } catch (IOException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
