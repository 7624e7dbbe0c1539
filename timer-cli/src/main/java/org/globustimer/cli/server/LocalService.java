package org.globustimer.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.globustimer.cli.CliException;
import org.globustimer.cli.Environment;
import org.globustimer.core.json.Json;

/** The local service under {@code $GLOBUS_TIMER_HOME}: finding, starting and stopping it. */
public final class LocalService {

  static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Environment env;
  private final Path home;
  private final Health health = new Health();

  public LocalService(Environment env) {
    this.env = env;
    this.home = env.timerHome();
  }

  public Path home() {
    return home;
  }

  public Path tokenFile() {
    return home.resolve("token");
  }

  Path stateFile() {
    return home.resolve("server.json");
  }

  Path logFile() {
    return home.resolve("logs/server.log");
  }

  /** The service recorded in server.json whose process is alive; a stale record is removed. */
  public Optional<ServerState> recorded() {
    Path file = stateFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    ServerState state;
    try {
      state = ServerState.from(Json.mapper().readTree(Files.readString(file)));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!state.alive()) {
      deleteQuietly(file);
      return Optional.empty();
    }
    return Optional.of(state);
  }

  /** The recorded service, if it also answers its health check. */
  Optional<Running> running() {
    return recorded().flatMap(s -> health.check(s.url()).map(body -> new Running(s, body)));
  }

  record Running(ServerState state, JsonNode health) {}

  /** The running local service, started in the background (and said so) when there is none. */
  public ServerState ensureRunning(PrintWriter err) {
    Optional<Running> running = running();
    if (running.isPresent()) {
      return running.get().state();
    }
    ServerState started = start(null, null);
    err.println(
        "globus-timer: started the local service at "
            + started.url()
            + " (logs: "
            + logFile()
            + ")");
    err.flush();
    return started;
  }

  /** Starts the service detached from this process and waits until it answers. */
  ServerState start(Integer port, String bind) {
    if (recorded().isPresent()) {
      return awaitHealthy(null);
    }
    try {
      Files.createDirectories(logFile().getParent());
    } catch (IOException e) {
      throw new CliException("cannot create " + logFile().getParent() + ": " + e.getMessage(), e);
    }
    ProcessBuilder builder = new ProcessBuilder(command(port, bind));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    File devNull = new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    builder.redirectInput(ProcessBuilder.Redirect.from(devNull));
    try {
      return awaitHealthy(builder.start());
    } catch (IOException e) {
      throw new CliException("cannot start the local service: " + e.getMessage(), e);
    }
  }

  /** Runs the service in this terminal until it exits; answers its exit code. */
  int runForeground(Integer port, String bind) {
    ProcessBuilder builder = new ProcessBuilder(command(port, bind)).inheritIO();
    try {
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      return process.waitFor();
    } catch (IOException e) {
      throw new CliException("cannot start the local service: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }

  private ServerState awaitHealthy(Process process) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Running> running = running();
      if (running.isPresent()) {
        return running.get().state();
      }
      if (process != null && !process.isAlive() && recorded().isEmpty()) {
        throw new CliException(
            "the local service exited during start-up (code "
                + process.exitValue()
                + "); see "
                + logFile()
                + lastLogLine());
      }
      sleep(Duration.ofMillis(100));
    }
    throw new CliException(
        "the local service did not answer within "
            + START_TIMEOUT.toSeconds()
            + " s; see "
            + logFile());
  }

  /** Stops the recorded service; answers what was stopped, or empty when nothing ran. */
  Optional<ServerState> stop() {
    Optional<ServerState> recorded = recorded();
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    ServerState state = recorded.get();
    ProcessHandle process = ProcessHandle.of(state.pid()).orElse(null);
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new CliException(
            "the local service (pid "
                + state.pid()
                + ") did not stop within "
                + STOP_TIMEOUT.toSeconds()
                + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new CliException("cannot wait for pid " + state.pid() + ": " + e.getMessage(), e);
      }
    }
    deleteQuietly(stateFile());
    return recorded;
  }

  List<String> command(Integer port, String bind) {
    List<String> command = new java.util.ArrayList<>();
    command.add(ServerBinaries.java(env));
    command.add("-jar");
    command.add(ServerBinaries.serverJar(env).toString());
    command.add("--home");
    command.add(home.toString());
    if (port != null) {
      command.add("--port");
      command.add(port.toString());
    }
    if (bind != null) {
      command.add("--bind");
      command.add(bind);
    }
    return command;
  }

  private String lastLogLine() {
    try {
      List<String> lines = Files.readAllLines(logFile());
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return ": " + lines.get(i).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the log is only a hint
    }
    return "";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale record that cannot be removed is ignored the next time too
    }
  }
}
