package org.globustimer.cli.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.globustimer.cli.CliException;
import org.globustimer.cli.Environment;

/** Launches the local service's JVM, in the background or in this terminal. */
final class ServiceProcess {

  private final Environment env;
  private final LocalService local;
  private final StartupWait startup;

  ServiceProcess(Environment env, LocalService local) {
    this.env = env;
    this.local = local;
    this.startup = new StartupWait(local);
  }

  /** Starts the service detached from this process and waits until it answers. */
  ServerState start(Integer port, String bind, List<String> settings) {
    if (local.recorded().isPresent()) {
      return startup.await(null);
    }
    try {
      Files.createDirectories(local.logFile().getParent());
    } catch (IOException e) {
      throw new CliException(
          "cannot create " + local.logFile().getParent() + ": " + e.getMessage(), e);
    }
    ProcessBuilder builder = new ProcessBuilder(command(port, bind, settings));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(local.logFile().toFile()));
    File devNull = new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    builder.redirectInput(ProcessBuilder.Redirect.from(devNull));
    try {
      return startup.await(builder.start());
    } catch (IOException e) {
      throw new CliException("cannot start the local service: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the service in this terminal. From the launcher, the service's command is handed back to
   * it to exec, so that the process in the foreground is the service; otherwise the service runs as
   * a child that ends with this process. Answers the exit code.
   */
  int runForeground(Integer port, String bind, List<String> settings) {
    List<String> command = command(port, bind, settings);
    String execFile = env.properties().get(Environment.EXEC_FILE_PROPERTY);
    if (execFile != null) {
      try {
        Files.writeString(java.nio.file.Path.of(execFile), String.join("\0", command) + "\0");
        return 0;
      } catch (IOException e) {
        throw new CliException("cannot hand the service over: " + e.getMessage(), e);
      }
    }
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      Thread stopChild =
          new Thread(
              () -> {
                process.destroy();
                try {
                  process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                process.destroyForcibly();
              });
      Runtime.getRuntime().addShutdownHook(stopChild);
      int code = process.waitFor();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      return code;
    } catch (IOException e) {
      throw new CliException("cannot start the local service: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    } catch (IllegalStateException shuttingDown) {
      return 0;
    }
  }

  List<String> command(Integer port, String bind, List<String> settings) {
    List<String> command = new java.util.ArrayList<>();
    command.add(ServerBinaries.java(env));
    // The local endpoint's home is the user's home as the CLI sees it (the launcher passes $HOME,
    // which is what the shell expands ~ to), not whatever the service's JVM would guess.
    command.add("-Duser.home=" + env.userHome());
    command.add("-jar");
    command.add(ServerBinaries.serverJar(env).toString());
    command.add("--home");
    command.add(local.home().toString());
    if (port != null) {
      command.add("--port");
      command.add(port.toString());
    }
    if (bind != null) {
      command.add("--bind");
      command.add(bind);
    }
    command.addAll(settings);
    return command;
  }
}
