package org.globustimer.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.globustimer.server.config.Settings;
import org.globustimer.server.config.SettingsException;
import org.globustimer.server.config.SettingsLoader;
import org.globustimer.server.store.Backup;
import org.globustimer.server.store.StoreException;

/**
 * {@code backup FILE [--home DIR]}: copies the service's SQLite database to FILE, consistently,
 * whether or not the service is running.
 */
final class BackupMain {

  private BackupMain() {}

  /** Answers the exit code. */
  static int run(String[] args, Map<String, String> env) {
    if (args.length < 1 || args[0].startsWith("--")) {
      System.err.println("globus-timer-server backup: name the file to write, e.g. backup.db");
      return 2;
    }
    Path target = Path.of(args[0]).toAbsolutePath();
    Settings settings;
    try {
      settings = SettingsLoader.load(Arrays.copyOfRange(args, 1, args.length), env);
    } catch (SettingsException e) {
      System.err.println("globus-timer-server backup: " + e.getMessage());
      return 2;
    }
    String url = settings.databaseUrl();
    if (!url.startsWith("jdbc:sqlite:")) {
      System.err.println(
          "globus-timer-server backup: the service uses "
              + url
              + "; back up a PostgreSQL database with pg_dump");
      return 2;
    }
    Path database = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
    try {
      long size = Backup.copy(database, target);
      System.out.println("backed up " + database + " to " + target + " (" + size + " bytes)");
      return 0;
    } catch (StoreException e) {
      System.err.println("globus-timer-server backup: " + e.getMessage());
      return 1;
    }
  }
}
