package org.globustimer.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.core.json.Json;
import org.globustimer.server.config.Settings;
import org.globustimer.server.config.SettingsException;
import org.globustimer.server.config.SettingsLoader;
import org.globustimer.server.store.StoreException;

/**
 * Runs the service in the foreground until SIGTERM or Ctrl-C. While it runs, {@code server.json} in
 * the home says where it listens and under which pid.
 */
public final class ServerMain {

  private ServerMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("backup")) {
      System.exit(
          BackupMain.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
      return;
    }
    if (java.util.List.of(args).equals(java.util.List.of("--version"))) {
      System.out.println("globus-timer-server " + BuildInfo.current().describe());
      System.out.println(
          "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
      return;
    }
    Settings settings;
    try {
      settings = SettingsLoader.load(args, System.getenv());
    } catch (SettingsException e) {
      System.err.println("globus-timer-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    TimerService service;
    try {
      service = TimerService.start(settings, Clock.systemUTC());
    } catch (StoreException | io.javalin.util.JavalinBindException | IllegalArgumentException e) {
      System.err.println("globus-timer-server: cannot start: " + rootMessage(e));
      System.exit(1);
      return;
    } catch (RuntimeException e) {
      System.err.println("globus-timer-server: cannot start: " + rootMessage(e));
      e.printStackTrace();
      System.exit(1);
      return;
    }
    Path stateFile = settings.home().resolve("server.json");
    writeState(stateFile, service);
    System.out.println(
        "globus-timer service "
            + BuildInfo.current().describe()
            + " listening at "
            + service.url()
            + " (node "
            + settings.nodeId()
            + ", data in "
            + settings.home()
            + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.deleteIfExists(stateFile);
                  } catch (IOException ignored) {
                    // the next start replaces a stale state file
                  }
                  service.close();
                  stopped.countDown();
                  // Stopped as asked (SIGTERM, Ctrl-C): a clean stop, not a death by signal.
                  Runtime.getRuntime().halt(0);
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void writeState(Path stateFile, TimerService service) {
    var state = Json.mapper().createObjectNode();
    state.put("pid", ProcessHandle.current().pid());
    state.put("url", service.url());
    state.put("port", service.port());
    state.put("bind", service.settings().bind());
    state.put("node_id", service.settings().nodeId());
    state.put("started_at", Instant.now().toString());
    state.put("version", BuildInfo.current().version().toString());
    state.put("systemd_unit", SystemdUnit.current().orElse(null));
    try {
      Path temp = stateFile.resolveSibling("server.json.new");
      Files.writeString(temp, state.toPrettyString());
      Files.move(
          temp,
          stateFile,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      System.err.println("globus-timer-server: cannot write " + stateFile + ": " + e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
  }
}
